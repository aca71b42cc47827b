import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, redirect, useActionData, useLoaderData } from '@remix-run/react';
import { Field } from '../components/auth';
import { useLocale, useT } from '../components/i18n';
import { DataTable } from '../components/lists';
import { FormNotice } from '../components/wish-ui';
import { requireStaff } from '../auth/guards.server';
import { lastHalfYear } from '../domain/report-issue';
import { IssueReportForm } from '../forms/report-issue';
import { parseForm } from '../forms/parse';
import { asFormResult } from '../forms/result';
import { formatDateTime } from '../i18n/index';
import { pageTitle } from '../i18n/meta';
import { failure } from '../server/http.server';
import { requestMeta } from '../services/auth.server';
import { issuedReports, issueReport } from '../services/report-issue.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'report.issued.title');

/** The issued reports of the staff member's subtree (everything for an admin). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireStaff(request, context);
  const result = issuedReports(viewer.actor);
  if (!result.ok) throw failure(result.error);
  return { items: result.value.items, suggested: lastHalfYear(Date.now()) };
}

/** intent=issue with from, to and site: the report of a closed period, frozen. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireStaff(request, context);
  const parsed = parseForm(IssueReportForm, await request.formData());
  if (!parsed.ok) return failure({ kind: 'validation', fields: parsed.fieldErrors });
  const { from, to, site } = parsed.value;
  const result = issueReport(viewer.actor, { from, to, siteCode: site }, requestMeta(context));
  return result.ok ? redirect(`/reports/issued/${result.value.id}?done=issued`) : failure(result.error);
}

export default function IssuedReports() {
  const data = useLoaderData<typeof loader>();
  const result = asFormResult(useActionData<typeof action>());
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to="/reports">← {t('report.issued.back')}</Link>
      </p>
      <h1>{t('report.issued.title')}</h1>
      <p className="meta">{t('report.issued.intro')}</p>
      <FormNotice failure={result && !result.ok ? result : undefined} />
      {data.items.length === 0 ? (
        <p className="meta">{t('report.issued.none')}</p>
      ) : (
        <DataTable label={t('report.issued.title')} headers={[t('report.issued.col.period'), t('report.issued.col.site'), t('report.issued.col.issued'), t('report.issued.col.status')]}>
          {data.items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/reports/issued/${r.id}`}>{t('report.issued.period', { from: r.period.from, to: r.period.to })}</Link>
              </td>
              <td>{locale === 'en' ? r.site.nameEn : r.site.nameZh}</td>
              <td>{t('report.issued.by', { name: r.issuedByName, at: formatDateTime(r.issuedAt, locale) })}</td>
              <td>{r.supersededAt ? t('report.issued.superseded') : t('report.issued.current')}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="issue-heading">
        <h2 id="issue-heading">{t('report.issue.heading')}</h2>
        <p className="meta">{t('report.issue.hint')}</p>
        <Form method="post" className="stack">
          <Field name="from" label={t('report.issue.from')} type="date" defaultValue={data.suggested.from} required result={result} />
          <Field name="to" label={t('report.issue.to')} type="date" defaultValue={data.suggested.to} required result={result} />
          <button type="submit" name="intent" value="issue">
            {t('report.issue.submit')}
          </button>
        </Form>
      </section>
    </>
  );
}
