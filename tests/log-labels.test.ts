import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schema } from '../db/client';
import { seedDemo } from '../db/seed/demo';
import { SECURITY_EVENT_TYPES } from '../app/data/security-log.server';
import { AUDIT_ENTITY_TYPES } from '../app/forms/logs';
import { CLAIM_TRANSITIONS } from '../app/domain/claim';
import { VETTING_TRANSITIONS } from '../app/domain/vetting';
import { WISH_TRANSITIONS } from '../app/domain/wish';
import { catalogues, translator, type Locale } from '../app/i18n/index';
import { namesOfObjects } from '../app/data/audit.server';
import {
  AUDIT_STATUS_PREFIX,
  auditActionLabel,
  auditEntityLabel,
  auditNameRefs,
  auditObjectName,
  auditStatusLabel,
  labelOr,
  mailTemplateLabel,
  securityEventLabel,
} from '../app/i18n/labels';
import { templateNames } from '../app/mail/templates/index';
import { useTestDatabase } from './helpers/db';

// The admin logs show codes the code writes (audit actions, object types, statuses, security event
// types, mail templates) through catalogue labels. A new code without a label in both languages fails here.

const root = path.resolve(__dirname, '..');
const { db } = useTestDatabase('log-labels');
const LOCALES: Locale[] = ['zh-CN', 'en'];
const CJK = /[\u3400-\u9fff]/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}
const writers = [...sources('app'), ...sources('db/seed')].map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
const literals = (re: RegExp) => new Set(writers.flatMap((text) => [...text.matchAll(re)].flatMap((m) => m.slice(1).filter(Boolean))));

/** The keys of `prefix.code` missing from a language, and labels in the wrong script. */
function unlabelled(prefix: string, codes: Iterable<string>): string[] {
  const problems: string[] = [];
  for (const code of codes) {
    const key = `${prefix}.${code}`;
    for (const locale of LOCALES) {
      const text = catalogues[locale][key];
      if (!text) problems.push(`${locale}: ${key}`);
      else if (locale === 'en' && CJK.test(text)) problems.push(`en: ${key} is not English: ${text}`);
      else if (locale === 'zh-CN' && !CJK.test(text)) problems.push(`zh-CN: ${key} is not Chinese: ${text}`);
    }
  }
  return problems;
}

// Every audit action written with a literal, a conditional, or a domain transition (claim steps, wish
// transitions that follow them, vetting intents).
const auditActions = new Set([
  ...literals(/\baction:\s*'([a-z_.]+)'/g),
  ...literals(/\baction:\s*[^,\n]*?\?\s*'([a-z_.]+)'\s*:\s*'([a-z_.]+)'/g),
  ...Object.keys(WISH_TRANSITIONS),
  ...Object.keys(CLAIM_TRANSITIONS),
  ...Object.keys(VETTING_TRANSITIONS),
]);
// Object types are written as `entityType: '…'`, or as the type a status helper audits under (writeStatusMove(tx, '…', …)).
const entityTypes = new Set([
  ...literals(/\bentityType:\s*'([a-z_]+)'/g),
  ...literals(/\bwriteStatus(?:Move|Insert)(?:<[^>]*>)?\(\s*\w+,\s*'([a-z_]+)'/g),
  'volunteer',
  'organization',
]);

const STATUS_COLUMNS: Record<string, { enumValues: readonly string[] }> = {
  wish: schema.wishes.status,
  claim: schema.claims.status,
  volunteer: schema.volunteers.status,
  organization: schema.organizations.status,
  activity: schema.activities.status,
  slot: schema.slots.status,
  pairing: schema.pairings.status,
  signup: schema.slotSignups.status,
  visit: schema.pairingVisits.status,
  concern: schema.pairingConcerns.status,
};

describe('labels of the audit log', () => {
  it('finds the codes it checks in the source', () => {
    for (const action of ['child.read', 'child.list', 'confirm', 'staff_move', 'staff_remove', 'return_to_draft', 'expire', 'recheck']) {
      expect(auditActions, action).toContain(action);
    }
    expect([...entityTypes].sort()).toEqual(Object.keys(STATUS_COLUMNS).concat('child', 'site', 'user', 'certificate').sort());
  });

  it('has a label in both languages for every action the code writes', () => {
    expect(unlabelled('audit.action', auditActions)).toEqual([]);
  });

  it('has a label for every object type, and offers each in the filter', () => {
    expect(unlabelled('audit.entity', entityTypes)).toEqual([]);
    // The filter offers, and its query schema accepts, exactly these (app/forms/logs.ts).
    expect([...AUDIT_ENTITY_TYPES].sort()).toEqual([...entityTypes].sort());
  });

  it('has a label for every status of every object type with one', () => {
    expect(Object.keys(AUDIT_STATUS_PREFIX).sort()).toEqual(Object.keys(STATUS_COLUMNS).sort());
    for (const [type, column] of Object.entries(STATUS_COLUMNS)) {
      expect(unlabelled(AUDIT_STATUS_PREFIX[type], column.enumValues), type).toEqual([]);
    }
  });

  it('labels every action, object type and status of the demo data', () => {
    seedDemo(db, { now: Date.UTC(2026, 10, 29, 2), passwordHash: 'x' });
    const rows = db.$client.prepare('select distinct entity_type as type, action, from_status as "from", to_status as "to" from audit_events').all() as Array<{
      type: string;
      action: string;
      from: string | null;
      to: string | null;
    }>;
    expect(rows.length).toBeGreaterThan(10);
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const r of rows) {
        expect(auditActionLabel(t, r.action), `${locale} ${r.action}`).not.toBe(r.action);
        expect(auditEntityLabel(t, r.type), `${locale} ${r.type}`).not.toBe(r.type);
        for (const status of [r.from, r.to]) {
          if (status) expect(auditStatusLabel(t, r.type, status), `${locale} ${r.type} ${status}`).not.toBe(status);
        }
      }
    }
  });

  it('shows a code without a label as the code itself', () => {
    const t = translator('en');
    expect(auditActionLabel(t, 'something_new')).toBe('something_new');
    expect(auditEntityLabel(t, 'gizmo')).toBe('gizmo');
    expect(auditStatusLabel(t, 'wish', 'limbo')).toBe('limbo');
    expect(auditStatusLabel(t, 'user', 'active')).toBe('active');
    expect(securityEventLabel(t, 'teleported')).toBe('teleported');
    expect(mailTemplateLabel(t, 'no.such')).toBe('no.such');
    expect(labelOr(t, 'no.such.key', 'raw')).toBe('raw');
    expect(auditStatusLabel(t, 'wish', 'published')).toBe('Open');
    expect(auditStatusLabel(translator('zh-CN'), 'volunteer', 'approved')).toBe('已通过');
  });
});

describe('names of the audit log’s objects', () => {
  it('looks a name up for every object type the filter offers', () => {
    for (const type of AUDIT_ENTITY_TYPES) {
      expect(auditNameRefs({ entityType: type, entityId: 'abcdefghijklmnop', action: 'x', note: null }), type).toHaveLength(1);
    }
  });

  it('names a contact log by alias, kind and day, a concern by kind and alias, never the real name; a certificate by its number', () => {
    const $ = db.$client;
    if (($.prepare('select count(*) from users').pluck().get() as number) === 0) seedDemo(db, { now: Date.UTC(2026, 10, 29, 2), passwordHash: 'x' });
    const visit = $.prepare(
      `select v.id, v.kind, v.happened_at as at, c.alias, c.real_name as realName from pairing_visits v join pairings p on p.id = v.pairing_id join children c on c.id = p.child_id
       where v.kind = 'home_visit' order by v.happened_at desc limit 1`,
    ).get() as { id: string; kind: string; at: number; alias: string; realName: string };
    const concern = $.prepare(
      `select k.id, k.kind, c.alias, c.real_name as realName from pairing_concerns k join pairings p on p.id = k.pairing_id join children c on c.id = p.child_id limit 1`,
    ).get() as { id: string; kind: string; alias: string; realName: string };
    expect(visit && concern).toBeTruthy();
    const userId = $.prepare("select id from users where email = 'volunteer@demo.local'").pluck().get() as string;
    $.prepare(
      `insert into certificates (id, code, user_id, issuer_name, masked_name, period_from, period_to, total_minutes, entries, issued_at)
       values ('certnamestest001', 'WB-2026-000123', ?, '吴忠市民政局', '刘*', '2026-01-01', '2026-06-30', 600, '[]', ?)`,
    ).run(userId, Date.UTC(2026, 6, 1));
    const signup = $.prepare(
      `select s.id, u.display_name as name, a.title from slot_signups s join users u on u.id = s.user_id join slots sl on sl.id = s.slot_id join activities a on a.id = sl.activity_id limit 1`,
    ).get() as { id: string; name: string; title: string };
    const events = [
      { entityType: 'visit', entityId: visit.id, action: 'confirm_visit', note: null },
      { entityType: 'concern', entityId: concern.id, action: 'raise', note: null },
      { entityType: 'certificate', entityId: 'certnamestest001', action: 'certificate.issue', note: null },
      { entityType: 'signup', entityId: signup.id, action: 'signup', note: null },
    ];
    const names = namesOfObjects(events.flatMap(auditNameRefs));
    const day = new Date(visit.at + 8 * 3600_000).toISOString().slice(0, 10);
    const expected: Record<string, string[]> = {
      'zh-CN': [`${visit.alias} · 入户走访 · ${day}`, `${labelOr(translator('zh-CN'), `concern.kind.${concern.kind}`, '?')} · ${concern.alias}`, 'WB-2026-000123', `${signup.name} · ${signup.title}`],
      en: [`${visit.alias} · Home visit · ${day}`, `${labelOr(translator('en'), `concern.kind.${concern.kind}`, '?')} · ${concern.alias}`, 'WB-2026-000123', `${signup.name} · ${signup.title}`],
    };
    for (const locale of LOCALES) {
      const shown = events.map((e) => auditObjectName(translator(locale), e, names, locale));
      expect(shown, locale).toEqual(expected[locale]);
      for (const text of shown) {
        expect(text).not.toContain(visit.realName);
        expect(text).not.toContain(concern.realName);
      }
    }
  });
});

describe('labels of the security log and the outbox', () => {
  it('has a label in both languages for every security event type', () => {
    expect(unlabelled('security.type', SECURITY_EVENT_TYPES)).toEqual([]);
    // Every type written anywhere is one of the listed types (and so has a label).
    const written = literals(/logSecurityEvent\(\s*\{[^}]*?\btype:\s*'([a-z_]+)'/g);
    expect(written.size).toBeGreaterThan(5);
    for (const type of written) expect(SECURITY_EVENT_TYPES, type).toContain(type);
  });

  it('has a label in both languages for every mail template', () => {
    const names = new Set([...templateNames(), ...literals(/\btemplate:\s*'([a-z_.]+)'/g)]);
    expect(names).toContain('claim.received');
    expect(unlabelled('mail.template', names)).toEqual([]);
  });
});
