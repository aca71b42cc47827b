// The report page's parts: the figures table (with the same period a year earlier and each figure's
// definition), the per-county table, the paragraph with its numbers linked to their figures and a copy
// button, and the links to the records behind a number.

import { useEffect, useState } from 'react';
import { FIGURE_KEYS, FIGURES, formatFigure, paragraphText, type FigureKey, type FigureValues, type Period, type ReportFigures, type Segment } from '../domain/report';
import { useLocale, useT } from './i18n';
import { DataTable } from './lists';

/** The query of a report link: a period and a site code ('' for the viewer's own subtree). */
export interface ReportScope extends Period {
  site: string;
}

export function reportQuery(scope: ReportScope, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: scope.from, to: scope.to, ...(scope.site ? { site: scope.site } : {}), ...extra });
  return params.toString();
}

export const recordsHref = (scope: ReportScope, figure: FigureKey) => `/reports/records?${reportQuery(scope, { figure })}`;

/** A figure's number in a table: thousands separated, money in yuan, rates and hours to a tenth. */
export const tableNumber = (key: FigureKey, value: number) => formatFigure(key, value, 'en');

/** The figures: label, this period's value (linked to its records), a year earlier, unit and definition. */
export function FiguresTable({ figures, prior, priorPeriod, scope }: { figures: FigureValues; prior: FigureValues; priorPeriod: Period; scope: ReportScope }) {
  const t = useT();
  return (
    <DataTable
      label={t('reports.figures.title')}
      headers={[t('reports.figures.figure'), t('reports.figures.value'), t('reports.figures.prior', { from: priorPeriod.from, to: priorPeriod.to }), t('reports.figures.unit'), t('reports.figures.definition')]}
    >
      {FIGURE_KEYS.map((key) => {
        const f = FIGURES[key];
        const value = tableNumber(key, figures[key]);
        return (
          <tr key={key} id={`figure-${key}`} data-figure={key}>
            <th scope="row" className="cell-wrap">
              {t(f.labelKey)}
            </th>
            <td>
              <a href={recordsHref(scope, key)} aria-label={t('reports.figures.records_link', { label: t(f.labelKey), value })} data-testid={`value-${key}`}>
                {value}
              </a>
            </td>
            <td>{tableNumber(key, prior[key])}</td>
            <td>{t(f.unitKey)}</td>
            <td className="cell-wrap definition">{t(f.definitionKey)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** One column per county, one row per figure; a county's numbers link to its records. */
export function CountyTable({ figures, scope }: { figures: ReportFigures; scope: ReportScope }) {
  const t = useT();
  const locale = useLocale();
  const name = (c: { nameZh: string; nameEn: string }) => (locale === 'en' ? c.nameEn : c.nameZh);
  return (
    <DataTable label={t('reports.counties.title')} headers={[t('reports.figures.figure'), ...figures.byCounty.map((c) => name(c.county))]}>
      {FIGURE_KEYS.map((key) => (
        <tr key={key}>
          <th scope="row" className="cell-wrap">
            {t(FIGURES[key].labelKey)} ({t(FIGURES[key].unitKey)})
          </th>
          {figures.byCounty.map((c) => {
            const value = tableNumber(key, c.figures[key]);
            // A county's subtree holds exactly its records; a city's own row (README D7) is not a subtree of its own.
            return (
              <td key={c.county.id}>
                {c.county.kind === 'county' ? (
                  <a href={recordsHref({ ...scope, site: c.county.code }, key)} aria-label={`${name(c.county)} ${t('reports.figures.records_link', { label: t(FIGURES[key].labelKey), value })}`}>
                    {value}
                  </a>
                ) : (
                  value
                )}
              </td>
            );
          })}
        </tr>
      ))}
    </DataTable>
  );
}

/** The paragraph, each number a link to its figure's row in the table. */
export function ReportParagraph({ segments, lang, id }: { segments: readonly Segment[]; lang: 'zh-CN' | 'en'; id?: string }) {
  const t = useT();
  if (segments.length === 0) return <p className="meta">{t('reports.paragraph.empty')}</p>;
  return (
    <p lang={lang} id={id} className="report-paragraph">
      {segments.map((s, i) =>
        'figure' in s ? (
          <a key={i} href={`#figure-${s.figure}`} data-figure={s.figure}>
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

/** Copies the paragraph's text; shown once the page runs script (a button that does nothing is worse than none). */
export function CopyButton({ segments }: { segments: readonly Segment[] }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  const [note, setNote] = useState('');
  useEffect(() => setReady(true), []);
  if (!ready || segments.length === 0) return null;
  const copy = () => {
    navigator.clipboard.writeText(paragraphText(segments)).then(
      () => setNote(t('reports.copied')),
      () => setNote(t('reports.copy_failed')),
    );
  };
  return (
    <p>
      <button type="button" className="secondary" onClick={copy}>
        {t('reports.copy')}
      </button>{' '}
      <span role="status">{note}</span>
    </p>
  );
}
