import { redirect, type LoaderFunctionArgs } from '@remix-run/node';

/** Links mailed before invitations had one address (/invite/:token) still open. */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/invite/${encodeURIComponent(params.token ?? '')}`);
}
