import * as v from 'valibot';
import { filter, searchText } from './queries';

// Service certificates: the period picked on /me/certificate, issuing one per organizer, the number typed on
// /verify, and the reason staff give for a revocation. No schema has an ID-number field: the platform stores
// none, and the one typed for printing never leaves the browser.

const day = filter(v.pipe(v.string(), v.trim(), v.regex(/^\d{4}-\d{2}-\d{2}$/)));

/** /me/certificate?from=&to=: the period (this year when absent or malformed). */
export const CertificatePeriodQuery = v.object({ from: day, to: day });

const date = v.pipe(v.string('form.required'), v.trim(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'cert.error.period'));

/** Issue the certificate of one organizer of record for a period. */
export const IssueCertificateForm = v.object({
  from: date,
  to: date,
  organizer: v.pipe(v.string('form.required'), v.trim(), v.nonEmpty('form.required'), v.maxLength(60)),
});

/** /verify?code=: the number as typed. */
export const VerifyQuery = v.object({ code: searchText(40) });

/** /staff/certificates?code=: one number, or all. */
export const StaffCertificateQuery = v.object({ code: searchText(40) });

export const REVOKE_REASON_MAX = 500;

export const RevokeCertificateForm = v.object({
  intent: v.literal('revoke'),
  reason: v.pipe(v.string('form.required'), v.trim(), v.nonEmpty('form.required'), v.maxLength(REVOKE_REASON_MAX, 'form.too_long')),
});
