import { describe, expect, it } from 'vitest';
import { renderMail } from '../../app/mail/templates/index';
import { wishTemplates } from '../../app/mail/templates/wishes';
import { catalogues } from '../../app/i18n/index';
import { CLAIM_STATUSES } from '../../app/domain/claim';
import { WISH_STATUSES } from '../../app/domain/wish';

const params = {
  name: '刘芳',
  title: '想要一套水彩笔',
  alias: '小禾',
  ageBand: '6-8',
  county: '利通区',
  url: 'https://wishbridge.example/wishes/abc',
  listUrl: 'https://wishbridge.example/wishes?open=1',
  address: '高闸镇儿童之家,幸福路18号',
  handoverNote: '工作日 9:00–17:00',
  dueAt: Date.UTC(2025, 5, 14, 15),
  reason: '孩子已经收到同样的礼物',
  valueFen: 11850,
  thanks: '谢谢您!',
};

describe('wish mail templates', () => {
  it('render every template in both languages, with every parameter filled', () => {
    expect(Object.keys(wishTemplates).sort()).toEqual(
      ['claim.approved', 'claim.confirmed', 'claim.expired', 'claim.received', 'claim.rejected', 'claim.reminder', 'claim.withdrawn'].sort(),
    );
    for (const name of Object.keys(wishTemplates)) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const mail = renderMail(name, locale, params);
        expect(mail.subject, `${name} ${locale}`).toContain('想要一套水彩笔');
        expect(`${mail.subject}\n${mail.bodyText}`, `${name} ${locale}`).not.toMatch(/undefined|NaN|\{\w+\}/);
      }
    }
    expect(renderMail('claim.approved', 'zh-CN', params).bodyText).toContain('2025/06/14');
    expect(renderMail('claim.approved', 'en', params).bodyText).toContain('幸福路18号');
    expect(renderMail('claim.confirmed', 'en', params).bodyText).toContain('¥118.50');
    expect(renderMail('claim.rejected', 'zh-CN', params).bodyText).toContain('孩子已经收到同样的礼物');
  });
});

describe('wish catalogue keys built at run time', () => {
  it('exist in both languages', () => {
    const families = [
      ...CLAIM_STATUSES.flatMap((s) => [`claim.status.${s}`, `claim.next.${s}`]),
      ...WISH_STATUSES.flatMap((s) => [`wish.status.${s}`, `wish.closed.${s}`]),
      ...['create', 'save', 'submit', 'publish', 'return_to_draft', 'withdraw', 'claim', 'release', 'deliver'].map((d) => `wish.done.${d}`),
      ...['approve', 'reject', 'confirm'].map((d) => `claim.done.${d}`),
      ...['create', 'save'].map((d) => `child.done.${d}`),
      ...['real_name', 'given_name', 'id_card', 'phone', 'address', 'school'].map((k) => `privacy.kind.${k}`),
      ...['pending', 'approved', 'rejected', 'suspended'].flatMap((s) => [`claim.why.volunteer_${s}`, `claim.why.org_${s}`]),
      'claim.why.no_helper_role',
      ...['create', 'edit', 'submit', 'publish', 'return_to_draft', 'claim', 'release', 'deliver', 'fulfil', 'withdraw', 'approve', 'reject', 'confirm', 'expire', 'remind', 'child.create', 'child.update', 'child.read'].map((a) => `timeline.${a}`),
      ...['female', 'male', 'other'].map((g) => `child.gender.${g}`),
      ...['orphan', 'de_facto_unsupported', 'left_behind', 'in_difficulty', 'migrant', 'other'].map((c) => `child.category.${c}`),
      'privacy.refused',
      'claim.error.already_claimed',
      'claim.error.not_approved',
      'claim.error.not_open',
      'claim.error.own_claim',
      'claim.error.deadline_passed',
      'wish.error.own_wish',
      'wish.error.not_draft',
      'wish.error.value_over_cap',
      ...['reason_required', 'value_received_required', 'value_received_invalid'],
      ...['form.required', 'form.too_long', 'form.too_many', 'form.choose_one', 'form.date_invalid', 'form.date_future', 'form.date_past', 'form.money_invalid'],
    ];
    const missing = families.flatMap((key) => (['zh-CN', 'en'] as const).filter((l) => !catalogues[l][key]).map((l) => `${l}: ${key}`));
    expect(missing).toEqual([]);
  });
});
