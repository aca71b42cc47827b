import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData } from '@remix-run/react';
import { Field } from '../components/auth';
import { useLocale, useT } from '../components/i18n';
import { DataTable, Facts } from '../components/lists';
import { DoneNotice, FormNotice } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { FIGURE_KEYS, FIGURES, formatFigure, type FigureKey } from '../domain/report';
import { ReissueReportForm } from '../forms/report-issue';
import { doneParam, parseForm } from '../forms/parse';
import { asFormResult } from '../forms/result';
import { formatDateTime } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { requestMeta } from '../services/auth.server';
import { issuedReport, reissueReport } from '../services/report-issue.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'report.issued.one_title');

/** An issued report as frozen, with the corrections made since and whether the live figures now differ. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = issuedReport(viewer.actor, params.id ?? '');
  if (!result.ok) throw failure(result.error);
  return { report: result.value, done: doneParam(request, ['issued', 'reissued']) };
}

/** intent=reissue with a reason: a new issue from the records as they stand, superseding this one; audited. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  const parsed = parseForm(ReissueReportForm, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const result = reissueReport(viewer.actor, params.id ?? '', parsed.value.reason, requestMeta(context));
  return result.ok ? redirect(`/reports/issued/${result.value.id}?done=reissued`) : failure(result.error);
}

export default function IssuedReport() {
  const { report, done } = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const t = useT();
  const locale = useLocale();
  const name = (c: { nameZh: string; nameEn: string }) => (locale === 'en' ? c.nameEn : c.nameZh);
  const value = (key: FigureKey, n: number) => `${formatFigure(key, n, 'en')} ${t(FIGURES[key].unitKey)}`;
  const changed = new Set<string>(report.changed);
  return (
    <article>
      <p>
        <Link to="/reports/issued">← {t('report.issued.title')}</Link>
      </p>
      <h1>{t('report.issued.heading', { site: name(report.site), from: report.period.from, to: report.period.to })}</h1>
      <DoneNotice done={done} prefix="report.issued.done" />
      <FormNotice failure={result && !result.ok ? result : undefined} />
      {report.supersededById ? (
        <p className="notice notice-warn">
          {t('report.issued.superseded_by')} <Link to={`/reports/issued/${report.supersededById}`}>{t('report.issued.see_newer')}</Link>
        </p>
      ) : null}
      <dl className="facts">
        <Facts
          facts={[
            [t('report.issued.col.site'), name(report.site)],
            [t('report.issued.col.period'), t('report.issued.period', { from: report.period.from, to: report.period.to })],
            [t('report.issued.issued_by'), report.issuedByName],
            [t('report.issued.issued_at'), formatDateTime(report.issuedAt, locale)],
          ]}
        />
        {report.supersedesId ? (
          <>
            <dt>{t('report.issued.replaces')}</dt>
            <dd>
              <Link to={`/reports/issued/${report.supersedesId}`}>{t('report.issued.see_older')}</Link>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="corrections-heading">
        <h2 id="corrections-heading">{t('report.issued.corrections_heading')}</h2>
        <p data-testid="corrections">{t('report.issued.corrections', { n: report.corrections })}</p>
        <p data-testid="live-differs">
          {report.changed.length === 0
            ? t('report.issued.live_same')
            : t('report.issued.live_differs', { figures: report.changed.map((k) => t(FIGURES[k].labelKey)).join(locale === 'en' ? ', ' : '、') })}
        </p>
      </section>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('report.issued.figures')}</h2>
        <DataTable label={t('report.issued.figures')} headers={[t('report.csv.label'), t('report.issued.col.issued_value'), t('report.issued.col.live_value'), t('report.csv.definition')]}>
          {FIGURE_KEYS.map((key) => (
            <tr key={key} id={`figure-${key}`}>
              <td>{t(FIGURES[key].labelKey)}</td>
              <td>{value(key, report.figures.total[key])}</td>
              <td>{changed.has(key) ? <strong>{value(key, report.live[key])}</strong> : t('report.issued.unchanged')}</td>
              <td className="cell-wrap">{t(FIGURES[key].definitionKey)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      {report.figures.byCounty.length > 1 ? (
        <section aria-labelledby="counties-heading">
          <h2 id="counties-heading">{t('report.issued.by_county')}</h2>
          <DataTable label={t('report.issued.by_county')} headers={[t('report.csv.label'), ...report.figures.byCounty.map((c) => name(c.county))]}>
            {FIGURE_KEYS.map((key) => (
              <tr key={key}>
                <td>{t(FIGURES[key].labelKey)}</td>
                {report.figures.byCounty.map((c) => (
                  <td key={c.county.id}>{formatFigure(key, c.figures[key], 'en')}</td>
                ))}
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}

      <section aria-labelledby="paragraph-heading">
        <h2 id="paragraph-heading">{t('report.issued.paragraph')}</h2>
        <p lang="zh-CN" data-testid="paragraph-zh">
          {report.paragraphZh}
        </p>
        <p lang="en" className="meta">
          {report.paragraphEn}
        </p>
      </section>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t('report.issued.downloads')}</h2>
        <ul>
          <li>
            <a href={`/reports/issued/${report.id}/report.csv`} download>
              {t('report.issued.download_csv')}
            </a>
          </li>
          <li>
            <a href={`/reports/issued/${report.id}/report.txt`} download>
              {t('report.issued.download_txt')}
            </a>
          </li>
        </ul>
      </section>

      {report.supersededAt === null ? (
        <section aria-labelledby="reissue-heading">
          <h2 id="reissue-heading">{t('report.issued.reissue_heading')}</h2>
          <p className="meta">{t('report.issued.reissue_hint')}</p>
          <Form method="post" className="stack">
            <Field name="reason" label={t('report.issued.reason')} multiline required maxLength={500} result={result} />
            <button type="submit" name="intent" value="reissue">
              {t('report.issued.reissue')}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
