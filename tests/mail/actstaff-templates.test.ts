import { describe, expect, it } from 'vitest';
import { renderMail } from '../../app/mail/templates/index';
import { actstaffTemplates } from '../../app/mail/templates/actstaff';

const params = {
  name: '刘芳',
  title: '周末集体观影',
  reason: '场地临时维修',
  url: 'https://wishbridge.example/activities/abc',
  helperName: '志愿者小王',
  count: 3,
  startsAt: Date.UTC(2026, 2, 7, 1), // 2026-03-07 09:00 in Shanghai
  endsAt: Date.UTC(2026, 2, 7, 3),
};

describe('activity mail templates (staff side)', () => {
  it('render every template in both languages, with every parameter filled', () => {
    expect(Object.keys(actstaffTemplates).sort()).toEqual(
      ['activity.approved', 'activity.cancelled', 'activity.cancelled_proposer', 'activity.rejected', 'attendance.no_show_flag', 'slot.cancelled'].sort(),
    );
    for (const name of Object.keys(actstaffTemplates)) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const mail = renderMail(name, locale, params);
        expect(`${mail.subject}\n${mail.bodyText}`, `${name} ${locale}`).toContain('周末集体观影');
        expect(`${mail.subject}\n${mail.bodyText}`, `${name} ${locale}`).not.toMatch(/undefined|NaN|\{\w+\}/);
      }
    }
  });

  it('tells the reason, the slot’s time in Shanghai and who missed their places', () => {
    for (const name of ['activity.rejected', 'activity.cancelled', 'activity.cancelled_proposer', 'slot.cancelled']) {
      expect(renderMail(name, 'zh-CN', params).bodyText, name).toContain('场地临时维修');
      expect(renderMail(name, 'en', params).bodyText, name).toContain('场地临时维修');
    }
    expect(renderMail('slot.cancelled', 'zh-CN', params).bodyText).toContain('2026/03/07 09:00–11:00');
    expect(renderMail('attendance.no_show_flag', 'en', params).subject).toContain('志愿者小王');
    expect(renderMail('attendance.no_show_flag', 'zh-CN', params).bodyText).toContain('3 次');
  });
});
