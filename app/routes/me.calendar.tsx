import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/react';
import { requireViewer } from '../auth/guards.server';
import { RotateFeedForm } from '../forms/slot-signup';
import { formAction } from '../server/http.server';
import { rotateFeed } from '../services/calendar-feeds.server';

// /me/calendar: the form of /me that gives the calendar feed a new secret address (the old one 404s).
export async function loader({ request }: LoaderFunctionArgs) {
  requireViewer(request);
  throw redirect('/me#my-activities-heading');
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request);
  return formAction(request, RotateFeedForm, () => rotateFeed(viewer.actor, Date.now()), () => redirect('/me?done=feed_rotated'));
}
