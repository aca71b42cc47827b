import * as v from 'valibot';
import { hashPassword } from '../auth/password.server';
import { newId } from '../data/ids.server';
import { findSiteByCode } from '../data/sites.server';
import { findUserByEmail, insertUser, insertVolunteer } from '../data/users.server';
import { recordAudit } from '../data/audit.server';
import { EmailSchema, PasswordSchema } from '../forms/account';
import { passwordStrength, MIN_PASSWORD_SCORE } from '../forms/password-strength';
import { translator } from '../i18n/index';
import { transact } from '../server/tx.server';

const Input = v.object({
  email: EmailSchema,
  password: PasswordSchema,
  role: v.picklist(['admin', 'staff', 'volunteer'], 'role must be admin, staff or volunteer'),
  site: v.optional(v.string()),
  name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(60))),
});

const CLI_MESSAGES: Record<string, string> = {
  'form.email.required': '--email is required',
  'form.email.invalid': '--email is not a valid email address',
  'form.password.required': '--password is required',
  'form.password.too_short': '--password must be at least 8 characters',
  'form.password.too_long': '--password must be at most 128 characters',
};

export type CliUserResult = { ok: true; id: string; email: string; role: string } | { ok: false; message: string };

/** The operator's way to make the first admin (or any account) on a fresh database. */
export async function createUserFromCli(raw: Record<string, string | undefined>): Promise<CliUserResult> {
  const parsed = v.safeParse(Input, raw);
  if (!parsed.success) {
    const message = parsed.issues[0].message;
    return { ok: false, message: CLI_MESSAGES[message] ?? message };
  }
  const input = parsed.output;
  if (findUserByEmail(input.email)) return { ok: false, message: `an account with ${input.email} already exists` };
  const strength = passwordStrength(input.password, { email: input.email, name: input.name });
  if (!strength.acceptable) {
    const en = translator('en');
    const why = strength.feedback.map((key) => en(key)).join(' ');
    return { ok: false, message: `--password is too easy to guess (strength ${strength.score} of 4, at least ${MIN_PASSWORD_SCORE} needed)${why ? `: ${why}` : ''}` };
  }
  let siteId: string | null = null;
  if (input.role === 'staff') {
    if (!input.site) return { ok: false, message: 'staff need --site CODE (the site they belong to)' };
    const site = findSiteByCode(input.site);
    if (!site) return { ok: false, message: `no site with code "${input.site}"` };
    siteId = site.id;
  }
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const now = Date.now();
  transact((tx) => {
    insertUser(tx, {
      id,
      email: input.email,
      passwordHash,
      displayName: input.name || input.email.split('@')[0],
      isAdmin: input.role === 'admin',
      staffSiteId: siteId,
      emailVerifiedAt: now,
      createdAt: now,
    });
    if (input.role === 'volunteer') insertVolunteer(tx, { userId: id, status: 'pending', createdAt: now });
    recordAudit(tx, { at: now, actorId: null, entityType: 'user', entityId: id, action: 'create_by_cli', note: input.role });
  });
  return { ok: true, id, email: input.email, role: input.role };
}
