import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ActivityCard } from '../components/cards';
import { useT } from '../components/i18n';
import { publicActivityList } from '../services/public.server';
import { pageTitle } from '../i18n/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'activities.title');

export async function loader(_: LoaderFunctionArgs) {
  return { activities: publicActivityList(Date.now()) };
}

export default function Activities() {
  const { activities } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('activities.title')}</h1>
      {activities.length ? (
        <ul className="cards">
          {activities.map((a) => (
            <ActivityCard key={a.id} activity={a} />
          ))}
        </ul>
      ) : (
        <p>{t('activities.empty')}</p>
      )}
    </>
  );
}
