import { useLocale } from './i18n';

export interface SiteOption {
  id: string;
  code: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  depth: number;
}

/** Sites as <option>s, indented by depth so the tree reads in a plain select. */
export function SiteOptions({ sites }: { sites: SiteOption[] }) {
  const locale = useLocale();
  return (
    <>
      {sites.map((s) => (
        <option key={s.id} value={s.id}>
          {'\u3000'.repeat(s.depth)}
          {locale === 'en' ? s.nameEn : s.nameZh} ({s.code})
        </option>
      ))}
    </>
  );
}
