import { Link } from '@remix-run/react';
import { useState } from 'react';
import { hoursOf, type CertificateEntry } from '../domain/certificate';
import { formatDate, type Translate } from '../i18n/index';
import type { CertificateView, IssuedSummary, QrView } from '../views/certificates';
import { useLocale, useT } from './i18n';
import { DataTable } from './lists';

/** What a line of a certificate says: an activity's title, the kind of a pairing contact, a wish's title. */
export function entryText(t: Translate, e: CertificateEntry): string {
  if (e.kind === 'pairing') return t(`cert.pairing.${e.detail ?? 'home_visit'}`);
  if (e.kind === 'wish') return t('cert.wish_fulfilled', { title: e.content });
  return e.content;
}

/** The entries of a certificate, with their total. */
export function EntriesTable({ entries, totalMinutes, label }: { entries: readonly CertificateEntry[]; totalMinutes: number; label: string }) {
  const t = useT();
  return (
    <DataTable label={label} headers={[t('cert.col.date'), t('cert.col.content'), t('cert.col.hours')]}>
      {entries.map((e, i) => (
        <tr key={i}>
          <td>{e.date}</td>
          <td className="cell-wrap">{entryText(t, e)}</td>
          <td className="num">{hoursOf(e.minutes)}</td>
        </tr>
      ))}
      <tr className="total-row">
        <th scope="row">{t('cert.total')}</th>
        <td />
        <td className="num" data-testid="cert-total-hours">
          {hoursOf(totalMinutes)}
        </td>
      </tr>
    </DataTable>
  );
}

/**
 * Issued certificates, one row each: the number (a link to `${base}/:id`), issuer, period, hours, issue date
 * and whether it stands; with `masked`, the holder's masked name after the issuer (the staff's list).
 */
export function CertificatesTable({ certificates, base, label, masked = false }: { certificates: readonly (IssuedSummary & { maskedName?: string })[]; base: string; label: string; masked?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable
      label={label}
      headers={[t('cert.col.number'), t('cert.col.issuer'), masked ? t('verify.name') : null, t('cert.col.period'), t('cert.col.hours'), t('cert.col.issued_at'), t('cert.col.status')]}
    >
      {certificates.map((c) => (
        <tr key={c.id}>
          <td>
            <Link to={`${base}/${c.id}`}>{c.code}</Link>
          </td>
          <td className="cell-wrap">{c.issuerName}</td>
          {masked ? <td>{c.maskedName}</td> : null}
          <td>
            {c.periodFrom} – {c.periodTo}
          </td>
          <td className="num">{hoursOf(c.totalMinutes)}</td>
          <td>{formatDate(c.issuedAt, locale)}</td>
          <td>{c.revokedAt ? t('cert.status.revoked') : t('cert.status.valid')}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The verification address as a QR code, drawn on the server as one SVG path. */
export function QrCode({ qr, label }: { qr: QrView; label: string }) {
  return (
    <svg className="qr" viewBox={`0 0 ${qr.size} ${qr.size}`} width="128" height="128" role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}

/**
 * The certificate as printed. The ID number is typed into an input that belongs to no form and has no name: it is
 * filled into the printed page by the browser and never sent anywhere (the platform stores no ID numbers).
 */
export function PrintableCertificate({ c }: { c: CertificateView }) {
  const t = useT();
  const locale = useLocale();
  const [idNumber, setIdNumber] = useState('');
  const hours = hoursOf(c.totalMinutes);
  return (
    <>
      <section className="card no-print" aria-labelledby="print-heading">
        <h2 id="print-heading">{t('cert.print_heading')}</h2>
        <div className="stack">
          <label htmlFor="cert-id-number">{t('cert.id_number.label')}</label>
          <input
            id="cert-id-number"
            type="text"
            autoComplete="off"
            inputMode="text"
            maxLength={18}
            spellCheck={false}
            aria-describedby="cert-id-number-hint"
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value.toUpperCase())}
          />
          <p className="hint" id="cert-id-number-hint" data-testid="id-number-hint">
            {t('cert.id_number.hint')}
          </p>
          <div>
            <button type="button" onClick={() => window.print()}>
              {t('cert.print')}
            </button>
          </div>
          <p className="hint">{t('cert.print_hint')}</p>
        </div>
      </section>

      <article className="certificate" aria-labelledby="certificate-title" data-testid="certificate">
        {c.revokedAt ? (
          <p className="notice notice-error" role="status">
            {t('cert.revoked_notice', { date: formatDate(c.revokedAt, locale) })}
          </p>
        ) : null}
        <h2 id="certificate-title" className="certificate-title">
          {t('cert.title')}
        </h2>
        <div className="certificate-head">
          <dl className="certificate-facts">
            <dt>{t('cert.number')}</dt>
            <dd data-testid="cert-code">{c.code}</dd>
            <dt>{t('cert.issue_date')}</dt>
            <dd>{formatDate(c.issuedAt, locale)}</dd>
            <dt>{t('cert.holder')}</dt>
            <dd>{c.holderName}</dd>
            <dt>{t('cert.id_number')}</dt>
            <dd className="id-number" data-testid="printed-id-number">
              {idNumber || '\u00a0'}
            </dd>
          </dl>
          <QrCode qr={c.qr} label={t('cert.qr_label', { url: c.verifyUrl })} />
        </div>
        <p>{t('cert.body', { name: c.holderName, issuer: c.issuer.name, from: c.period.from, to: c.period.to, hours })}</p>
        <EntriesTable entries={c.entries} totalMinutes={c.totalMinutes} label={t('staffcert.entries')} />
        <dl className="certificate-facts">
          <dt>{t('cert.issuer')}</dt>
          <dd>{c.issuer.name}</dd>
          <dt>{t('cert.issuer_contact')}</dt>
          <dd>{c.issuer.contact ?? '\u00a0'}</dd>
          <dt>{t('cert.person_in_charge')}</dt>
          <dd>{c.issuer.personInCharge ?? '\u00a0'}</dd>
        </dl>
        <div className="certificate-sign">
          <p>{t('cert.signature')}:</p>
          <p>{t('cert.seal')}:</p>
        </div>
        <p className="hint">{t('cert.verify_hint', { url: c.verifyUrl })}</p>
      </article>
    </>
  );
}
