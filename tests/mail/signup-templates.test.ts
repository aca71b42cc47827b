import { describe, expect, it } from 'vitest';
import { renderMail } from '../../app/mail/templates/index';
import { signupTemplates } from '../../app/mail/templates/signups';

const params = {
  name: '刘芳',
  title: '集体观影 · 周末电影课堂',
  startsAt: Date.UTC(2025, 11, 6, 6, 30), // 14:30 in Shanghai
  endsAt: Date.UTC(2025, 11, 6, 8, 30),
  site: '吴忠市儿童福利院',
  place: '二楼活动室',
  url: 'https://wishbridge.example/activities/abc#slot-x',
  position: 3,
  expiresAt: Date.UTC(2025, 11, 5, 4, 0), // 12:00 in Shanghai
  reason: '活动人数调整',
};

describe('sign-up mail templates', () => {
  it('has the six mails, each in both languages with every parameter filled', () => {
    expect(Object.keys(signupTemplates).sort()).toEqual(
      ['signup.cancelled_by_staff', 'signup.confirmed', 'signup.offer_expired', 'signup.offered', 'signup.reminder', 'signup.waitlisted'],
    );
    for (const name of Object.keys(signupTemplates)) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const mail = renderMail(name, locale, params);
        expect(mail.subject, `${name} ${locale}`).not.toMatch(/undefined|NaN|\[object/);
        expect(mail.bodyText, `${name} ${locale}`).not.toMatch(/undefined|NaN|\[object/);
        expect(mail.bodyText).toContain(params.url);
        expect(mail.bodyText).toContain('14:30');
      }
    }
  });

  it('names the offer deadline in Shanghai time, the waiting position and the staff reason', () => {
    expect(renderMail('signup.offered', 'zh-CN', params).bodyText).toContain('2025/12/05 12:00');
    expect(renderMail('signup.offered', 'en', params).subject).toContain('12:00');
    expect(renderMail('signup.waitlisted', 'zh-CN', params).bodyText).toContain('第 3 位');
    expect(renderMail('signup.waitlisted', 'en', params).bodyText).toContain('number 3');
    expect(renderMail('signup.cancelled_by_staff', 'en', params).bodyText).toContain('Reason: 活动人数调整');
  });
});
