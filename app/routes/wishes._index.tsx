import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { WishCard } from '../components/cards';
import { useT } from '../components/i18n';
import { publicWishList } from '../services/public.server';

export const meta: MetaFunction = () => [{ title: '微心愿 · 心愿桥' }];

export async function loader(_: LoaderFunctionArgs) {
  return { wishes: publicWishList() };
}

export default function Wishes() {
  const { wishes } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('wishes.title')}</h1>
      {wishes.length ? (
        <ul className="cards">
          {wishes.map((w) => (
            <WishCard key={w.id} wish={w} />
          ))}
        </ul>
      ) : (
        <p>{t('wishes.empty')}</p>
      )}
    </>
  );
}
