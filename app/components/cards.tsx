import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { WishChildLine, WishFactsLine, WishStatusBadge } from './wish-ui';

export interface PublicWishCard {
  id: string;
  title: string;
  category: string;
  ageBand: string;
  valueFen: number;
  deadlineAt: number | null;
  status: string;
  alias: string;
  countyZh: string;
  countyEn: string;
}

/** A card's title is a heading one level under the list's: h2 on a page of cards, h3 under a section's h2. */
type CardHeadingLevel = 2 | 3;

function CardTitle({ level, to, children }: { level: CardHeadingLevel; to: string; children: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <Heading>
      <Link to={to}>{children}</Link>
    </Heading>
  );
}

/** `children` adds to the foot of the card (e.g. the basket's checkbox on /wishes). */
export function WishCard({ wish, headingLevel = 2, children }: { wish: PublicWishCard; headingLevel?: CardHeadingLevel; children?: ReactNode }) {
  return (
    <li className="card">
      <CardTitle level={headingLevel} to={`/wishes/${wish.id}`}>
        {wish.title}
      </CardTitle>
      <WishChildLine wish={wish} />
      <WishFactsLine wish={wish}>
        <WishStatusBadge status={wish.status} />
      </WishFactsLine>
      {children}
    </li>
  );
}
