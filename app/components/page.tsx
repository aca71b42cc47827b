import { Link } from '@remix-run/react';

/** The way back from a page to the list or landing page it belongs to, above its heading. */
export function BackLink({ to, label, className }: { to: string; label: string; className?: string }) {
  return (
    <p className={className}>
      <Link to={to}>← {label}</Link>
    </p>
  );
}
