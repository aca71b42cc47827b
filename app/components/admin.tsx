import { Link } from '@remix-run/react';
import { useLocale, useT } from './i18n';

/** The heading of an admin page, under a link back to /admin. */
export function AdminPageTitle({ title }: { title: string }) {
  const t = useT();
  return (
    <>
      <p>
        <Link to="/admin">← {t('admin.title')}</Link>
      </p>
      <h1>{title}</h1>
    </>
  );
}

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

/** The from/to days of an admin log filter (fields "from" and "to", YYYY-MM-DD). */
export function DateRangeFilter({ from, to }: { from: string; to: string }) {
  const t = useT();
  return (
    <>
      <label>
        {t('admin.audit.from')}
        <input type="date" name="from" defaultValue={from} />
      </label>
      <label>
        {t('admin.audit.to')}
        <input type="date" name="to" defaultValue={to} />
      </label>
    </>
  );
}
