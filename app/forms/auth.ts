import * as v from 'valibot';
import { DisplayNameSchema, EmailSchema, PasswordSchema } from './account';
import { checkbox, optionalText } from './fields';

// Sign-up, sign-in, verification and reset. Field names follow the contract in PRODUCT.md §6.

/** The name of the honeypot input: hidden from people by the .hp class, filled in by form-stuffing bots. */
export const HONEYPOT_FIELD = 'website';

export const SignUpSchema = v.pipe(
  v.object({
    email: EmailSchema,
    password: PasswordSchema,
    displayName: DisplayNameSchema,
    accountType: v.picklist(['volunteer', 'organization'], 'form.account_type.required'),
    caringParent: checkbox,
    organizationName: optionalText(100, 'form.organization_name.too_long'),
    organizationKind: v.optional(v.picklist(['social_org', 'company'], 'form.organization_kind.required')),
    [HONEYPOT_FIELD]: v.optional(v.string()),
  }),
  v.forward(
    v.partialCheck(
      [['accountType'], ['organizationName']],
      (i) => i.accountType !== 'organization' || Boolean(i.organizationName),
      'form.organization_name.required',
    ),
    ['organizationName'],
  ),
  v.forward(
    v.partialCheck(
      [['accountType'], ['organizationKind']],
      (i) => i.accountType !== 'organization' || Boolean(i.organizationKind),
      'form.organization_kind.required',
    ),
    ['organizationKind'],
  ),
);
export type SignUpInput = v.InferOutput<typeof SignUpSchema>;

export const LoginSchema = v.object({
  email: EmailSchema,
  // No length rules at sign-in: the stored hash decides.
  password: v.pipe(v.string('form.password.required'), v.nonEmpty('form.password.required'), v.maxLength(1024, 'form.password.too_long')),
  redirectTo: v.optional(v.string()),
  [HONEYPOT_FIELD]: v.optional(v.string()),
});
export type LoginInput = v.InferOutput<typeof LoginSchema>;

export const EmailOnlySchema = v.object({ email: EmailSchema, [HONEYPOT_FIELD]: v.optional(v.string()) });

/** The token of a mailed link (verification, reset, email change): 32 characters of base32. */
export const MailedToken = v.pipe(v.string('form.token.invalid'), v.regex(/^[a-z2-7]{32}$/, 'form.token.invalid'));

export const TokenSchema = v.object({
  token: MailedToken,
});

/** The `?token=` of a page opened from a mailed link; anything but a token's shape reads as none (an invalid link). */
export const TokenQuery = v.object({ token: v.fallback(v.nullable(MailedToken, null), null) });

export const ResetPasswordSchema = v.object({
  token: MailedToken,
  password: PasswordSchema,
});

export const ChangePasswordSchema = v.object({
  currentPassword: v.pipe(v.string('form.password.required'), v.nonEmpty('form.password.required'), v.maxLength(1024, 'form.password.too_long')),
  newPassword: PasswordSchema,
});

/** Changing the account's address on /me: the new address and the current password (`password`, so it is not confused with the password form's field). */
export const ChangeEmailSchema = v.object({
  newEmail: EmailSchema,
  password: v.pipe(v.string('form.password.required'), v.nonEmpty('form.password.required'), v.maxLength(1024, 'form.password.too_long')),
});
export type ChangeEmailInput = v.InferOutput<typeof ChangeEmailSchema>;

/** Accepting an invitation by creating an account: the email is the invitation's. */
export const InviteSignUpSchema = v.object({
  displayName: DisplayNameSchema,
  password: PasswordSchema,
});

/** Only paths on this site: "/x", never "//host" or "/\\host" or an absolute URL. */
export function safeRedirectPath(target: string | null | undefined, fallback: string): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(target)) return fallback;
  return target;
}
