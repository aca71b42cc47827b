import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useT } from '../components/i18n';
import { requireAdmin } from '../auth/guards.server';
import { pageTitle } from '../i18n/meta';
import { ReportDashboard } from '../components/report-dashboard';
import { reportDashboard } from '../services/report-issue.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireAdmin(request, context);
  return { report: reportDashboard(viewer.actor, Date.now()) };
}

const LINKS = [
  { to: '/admin/sites', key: 'sites' },
  { to: '/admin/staff', key: 'staff' },
  { to: '/staff', key: 'queues' },
  { to: '/admin/outbox', key: 'outbox' },
  { to: '/admin/audit', key: 'audit' },
  { to: '/admin/security', key: 'security' },
  { to: '/reports', key: 'reports' },
] as const;

export default function AdminHome() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <ReportDashboard data={data.report} />
      <ul className="cards">
        {LINKS.map((l) => (
          <li className="card" key={l.to}>
            <h2>
              <Link to={l.to}>{t(`admin.link.${l.key}`)}</Link>
            </h2>
            <p className="meta">{t(`admin.link.${l.key}.hint`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
