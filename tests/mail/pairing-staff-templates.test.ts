import { describe, expect, it } from 'vitest';
import { renderMail, templateNames } from '../../app/mail/templates/index';
import { pairingStaffTemplates } from '../../app/mail/templates/pairing-staff';

const PARAMS = {
  name: '李爱心',
  alias: '小禾',
  ageBand: '9-11',
  county: '利通区',
  url: 'https://wishbridge.example/me/pairings/abc',
  reason: '家庭搬迁',
  contactName: '马老师(社工部)',
  contactPhone: '0953-2012345',
  kind: 'home_visit',
  happenedAt: Date.parse('2025-06-01T02:30:00Z'),
  raisedAt: Date.parse('2025-06-02T02:30:00Z'),
  minutes: 90,
  days: 30,
  volunteer: '李爱心',
};

const names = Object.keys(pairingStaffTemplates);

describe('pairing mail after staff steps and jobs', () => {
  it('are registered', () => {
    expect(names.sort()).toEqual(
      ['concern.acknowledged', 'pairing.contact_overdue', 'pairing.ended', 'pairing.lapsed', 'pairing.lapsed_staff', 'pairing.proposed', 'pairing.withdrawn', 'visit.confirmed', 'visit.rejected'].sort(),
    );
    for (const name of names) expect(templateNames()).toContain(name);
  });

  it.each(names.flatMap((name) => (['zh-CN', 'en'] as const).map((locale) => ({ name, locale }))))('$name renders in $locale with nothing missing', ({ name, locale }) => {
    const mail = renderMail(name, locale, name.startsWith('concern.') ? { ...PARAMS, kind: 'neglect' } : PARAMS);
    expect(mail.subject.trim()).not.toBe('');
    expect(`${mail.subject} ${mail.bodyText}`).not.toMatch(/undefined|null|\$\{|NaN|visit\.kind|concern\.kind/);
    expect(mail.bodyText).toContain(PARAMS.url);
    expect(mail.bodyText).toContain(PARAMS.alias);
    if (locale === 'zh-CN') expect(mail.bodyText).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the kind of contact and of concern in the reader’s language, and the contact person where there is one', () => {
    expect(renderMail('visit.confirmed', 'zh-CN', PARAMS).bodyText).toContain('入户走访(90 分钟)');
    expect(renderMail('concern.acknowledged', 'en', { ...PARAMS, kind: 'neglect' }).bodyText).toContain('(suspected neglect)');
    expect(renderMail('pairing.proposed', 'zh-CN', PARAMS).bodyText).toContain('小禾(9-11 岁,利通区)');
    expect(renderMail('pairing.proposed', 'en', { ...PARAMS, contactName: '' }).bodyText).not.toContain('Contact at the institution');
  });
});
