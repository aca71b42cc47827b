import { describe, expect, it } from 'vitest';
import { renderMail, templateNames } from '../../app/mail/templates/index';
import { accountTemplates } from '../../app/mail/templates/accounts';

const PARAMS = {
  name: '小张',
  link: 'https://wishbridge.example/x?token=abc',
  reason: '资料不全',
  orgName: '',
  inviter: '王经理',
  siteName: '盐池县',
  email: 'new.address@example.org',
  masked: 'ne***@example.org',
  dueDate: '2026-06-01',
  helperName: '李爱心',
};

describe('account and vetting mail', () => {
  const names = Object.keys(accountTemplates);

  it('has every template the accounts area sends, registered with the renderer', () => {
    expect(names.sort()).toEqual(
      ['email_change', 'email_change_notice', 'org_invite', 'reset_password', 'signup_taken', 'staff_invite', 'verify_email', 'vetting_approved', 'vetting_rejected', 'vetting_reinstated', 'vetting_suspended', 'vetting_recheck_lapsed', 'vetting_recheck_lapsed_staff'].sort(),
    );
    for (const name of names) expect(templateNames()).toContain(name);
  });

  it.each(names.flatMap((name) => (['zh-CN', 'en'] as const).map((locale) => ({ name, locale }))))('$name renders in $locale with nothing missing', ({ name, locale }) => {
    const mail = renderMail(name, locale, PARAMS);
    expect(mail.subject.trim()).not.toBe('');
    expect(`${mail.subject} ${mail.bodyText}`).not.toMatch(/undefined|null|\$\{/);
    expect(mail.bodyText).toContain(PARAMS.link);
    if (locale === 'zh-CN') expect(mail.bodyText).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the organization in vetting mail when there is one, and gives the reason of a refusal', () => {
    const org = renderMail('vetting_suspended', 'en', { ...PARAMS, orgName: '暖阳公益' });
    expect(org.subject).toBe('Suspended: “暖阳公益”');
    expect(org.bodyText).toContain('资料不全');
    expect(renderMail('vetting_rejected', 'zh-CN', PARAMS).subject).toBe('审核未通过:您的志愿者账户');
  });

  it('tells a helper whose re-check lapsed that donating stays open, and their staff whom to re-check', () => {
    expect(renderMail('vetting_recheck_lapsed', 'en', PARAMS).bodyText).toContain('claiming wishes and other donations are not affected');
    expect(renderMail('vetting_recheck_lapsed_staff', 'zh-CN', PARAMS).subject).toBe('年度复查逾期:李爱心');
  });
});
