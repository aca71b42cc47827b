import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { callRoute, createUser, uniq } from '../helpers/accounts';
import * as orgRoute from '../../app/routes/org._index';
import * as orgInviteRoute from '../../app/routes/org.invite.$token';

// Inviting the same colleague twice (the first mail got lost): one open invitation, the newest link.
const { db } = useTestDatabase('org-invites');
const sql = <T>(query: string, ...args: unknown[]) => db.$client.prepare(query).all(...args) as T[];

describe('inviting a colleague again', () => {
  it('keeps one open invitation per address, and only the newest link works', async () => {
    const manager = await createUser(db, { org: { status: 'approved' } });
    const email = `${uniq('colleague')}@example.org`;
    const invite = () => callRoute(orgRoute.action, { url: '/org', cookie: manager.cookie(), form: { intent: 'invite', orgId: manager.orgId!, email } });
    const links = () =>
      sql<{ body_text: string }>('select body_text from outbox where to_email = ? order by created_at', email).map((m) => m.body_text.match(/\/org\/invite\/([a-z2-7]{32})/)![1]);

    expect((await invite()).status).toBe(302);
    expect((await invite()).status).toBe(302);
    const page = await callRoute(orgRoute.loader, { url: '/org', cookie: manager.cookie() });
    expect(page.data.page.invitations.map((i: { email: string }) => i.email)).toEqual([email]);

    const [first, second] = links();
    const view = (token: string) => callRoute(orgInviteRoute.loader, { url: `/org/invite/${token}`, params: { token } });
    expect((await view(first)).data.invitation).toBeNull();
    expect((await view(second)).data.invitation).toMatchObject({ email });
  });
});
