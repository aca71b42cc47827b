import { Form, useLocation } from '@remix-run/react';
import { Fragment, type ReactNode } from 'react';
import { useT } from './i18n';
import { KeysetPager, Pager, type KeysetPagerState, type PagerCursor } from './pager';

/**
 * A list page's table: one header cell per entry of `headers` (null leaves a column out), the rows as children.
 * On a narrow screen the table scrolls sideways inside its wrapper, a focusable region named by `label`, so it can also
 * be scrolled with the keyboard. Cells stay on one line; give a long-text cell (a title, a note) `className="cell-wrap"`.
 * The region is named "<label> table", so that it never has the same name as the page section it sits in (two
 * landmarks with one name cannot be told apart in a screen reader's list of landmarks).
 */
export function DataTable({ label, headers, children }: { label: string; headers: ReactNode[]; children: ReactNode }) {
  const t = useT();
  return (
    <div className="table-wrap" role="region" aria-label={t('common.table', { name: label })} tabIndex={0}>
      <table>
        <thead>
          <tr>{headers.map((header, i) => (header === null ? null : <th key={i}>{header}</th>))}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One page of a staff list: its table (a row per item, drawn by `children`), or "none" when empty, and the pager. */
export function PagedTable<T extends { id: string }>({
  label,
  headers,
  rows,
  paging,
  children,
}: {
  label: string;
  headers: ReactNode[];
  rows: readonly T[];
  /** Where the page stands: by page number, or by keyset (README D19) with the cursors around it. */
  paging: Parameters<typeof Pager>[0] | KeysetPagerState;
  children: (row: T) => ReactNode;
}) {
  const t = useT();
  return (
    <>
      {rows.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <DataTable label={label} headers={headers}>
          {rows.map((row) => (
            <tr key={row.id}>{children(row)}</tr>
          ))}
        </DataTable>
      )}
      {'prevCursor' in paging ? <StaffKeysetPager paging={paging} /> : <Pager {...paging} />}
    </>
  );
}

/**
 * The keyset pager of a staff list: the links keep the page's filters (its query string) and carry the cursor
 * (`before` the first row, `after` the last); no cursor is the top of the list.
 */
export function StaffKeysetPager({ paging }: { paging: KeysetPagerState }) {
  const t = useT();
  const { search } = useLocation();
  const href = (cursor: PagerCursor) => {
    const params = new URLSearchParams(search);
    for (const name of ['after', 'before', 'page', 'done']) params.delete(name);
    if (cursor) params.set(cursor.name, cursor.value);
    const query = params.toString();
    return query ? `?${query}` : '?';
  };
  return <KeysetPager paging={paging} href={href} label={t('common.pages')} firstLabel={t('common.first_page')} />;
}

/** A short list of linked items on a page (a child's wishes, a wish's claims), or "none". */
export function ItemList<T extends { id: string }>({ items, children }: { items: readonly T[]; children: (item: T) => ReactNode }) {
  const t = useT();
  if (items.length === 0) return <p>{t('common.none')}</p>;
  return (
    <ul className="queue-list">
      {items.map((item) => (
        <li key={item.id}>{children(item)}</li>
      ))}
    </ul>
  );
}

/**
 * Terms and their values inside a <dl>: a value not given reads "—", or, with `optional`, leaves its term out
 * (a claim's reason before there is one).
 */
export function Facts({ facts, optional = false }: { facts: [term: string, value: ReactNode][]; optional?: boolean }) {
  return (
    <>
      {facts.map(([term, value]) =>
        value === null || value === undefined || value === '' ? (
          optional ? null : (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd>—</dd>
            </Fragment>
          )
        ) : (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ),
      )}
    </>
  );
}

/** The filters above a list: a GET form, so the filter lives in the URL and works without JavaScript. */
export function FilterForm({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Form method="get" className="filters">
      {children}
      <button type="submit" className="secondary">
        {t('common.filter')}
      </button>
    </Form>
  );
}

/** A select of a filter form, "all" (an empty value) first. */
export function SelectFilter({
  label,
  name,
  value,
  options,
  optionLabel = (option) => option,
}: {
  label: string;
  name: string;
  value: string;
  options: readonly string[];
  optionLabel?: (option: string) => string;
}) {
  const t = useT();
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="">{t('common.all')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A list filtered by one status (field "status"). */
export function StatusFilter({ status, statuses, statusLabel }: { status: string | null; statuses: readonly string[]; statusLabel: (status: string) => string }) {
  const t = useT();
  return (
    <FilterForm>
      <SelectFilter label={t('common.status')} name="status" value={status ?? ''} options={statuses} optionLabel={statusLabel} />
    </FilterForm>
  );
}

/**
 * A queue or list section: its heading with the count as a badge, then the list, or the empty text when
 * there is nothing. A queue of a home page is an h3 named by testId; a section of a page is an h2 labelled by id.
 */
export function CountedSection({
  title,
  count,
  empty,
  heading = 'h3',
  id,
  testId,
  className,
  children,
}: {
  title: string;
  count: number;
  empty: string;
  heading?: 'h2' | 'h3';
  id?: string;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  const Heading = heading;
  return (
    <section className={className} data-testid={testId} aria-labelledby={id}>
      <Heading id={id}>
        {title} <span className="badge">{count}</span>
      </Heading>
      {count === 0 ? <p className="meta">{empty}</p> : children}
    </section>
  );
}
