import type { ReactNode } from 'react';
import { DataTable, FilterForm } from './lists';
import { Pager } from './pager';
import { BackLink } from './page';
import { useLocale, useT } from './i18n';

/** The heading of an admin page, under a link back to /admin. */
export function AdminPageTitle({ title }: { title: string }) {
  const t = useT();
  return (
    <>
      <BackLink to="/admin" label={t('admin.title')} />
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

/**
 * An admin log (audit, security): its filters with the day range, one table row per event, "none" when the
 * filter matches nothing, and the pager (D19).
 */
export function LogPage({
  title,
  filters,
  from,
  to,
  headers,
  empty,
  paging,
  children,
}: {
  title: string;
  filters: ReactNode;
  from: string;
  to: string;
  headers: ReactNode[];
  empty: boolean;
  paging: Parameters<typeof Pager>[0];
  children: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <AdminPageTitle title={title} />
      <FilterForm>
        {filters}
        <DateRangeFilter from={from} to={to} />
      </FilterForm>
      <DataTable label={title} headers={headers}>
        {children}
      </DataTable>
      {empty ? <p>{t('common.none')}</p> : null}
      <Pager {...paging} />
    </>
  );
}
