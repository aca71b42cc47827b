import * as v from 'valibot';

// Shared by the client and the server. Messages are catalogue keys, translated where shown.
export const EmailSchema = v.pipe(
  v.string('form.email.required'),
  v.trim(),
  v.nonEmpty('form.email.required'),
  v.maxLength(254, 'form.email.invalid'),
  v.email('form.email.invalid'),
  v.toLowerCase(),
);

export const PasswordSchema = v.pipe(
  v.string('form.password.required'),
  v.minLength(8, 'form.password.too_short'),
  v.maxLength(128, 'form.password.too_long'),
);

export const DisplayNameSchema = v.pipe(
  v.string('form.display_name.required'),
  v.trim(),
  v.nonEmpty('form.display_name.required'),
  v.maxLength(60, 'form.display_name.too_long'),
);
