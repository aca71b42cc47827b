import type { MailParams, MailTemplate } from './types';

/** Vetting mails name what was vetted: the organization when there is one, else the volunteer account. */
const subjectZh = (p: MailParams) => (p.orgName ? `“${p.orgName}”` : '您的志愿者账户');
const subjectEn = (p: MailParams) => (p.orgName ? `“${p.orgName}”` : 'your volunteer account');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// Accounts and vetting. Plain text; params are names, links and the staff's notes — never a child's data.

export const accountTemplates: Record<string, MailTemplate> = {
  verify_email: {
    'zh-CN': (p) => ({
      subject: '请验证您的心愿桥邮箱',
      bodyText: `${p.name},您好:\n\n感谢注册心愿桥。请打开下面的链接,并在页面上点击"确认验证"完成邮箱验证(48 小时内有效):\n\n${p.link}\n\n如果这不是您本人的操作,请忽略此邮件。`,
    }),
    en: (p) => ({
      subject: 'Please verify your WishBridge email address',
      bodyText: `Hello ${p.name},\n\nThank you for signing up to WishBridge. Open the link below and press "Verify" on the page to confirm your email address (valid for 48 hours):\n\n${p.link}\n\nIf you did not sign up, you can ignore this mail.`,
    }),
  },
  // To the owner of an address someone tried to sign up with. Sign-up answers "check your mail" either way,
  // so the page never tells whether an address has an account; this mail tells the owner.
  signup_taken: {
    'zh-CN': (p) => ({
      subject: '有人用您的邮箱注册心愿桥',
      bodyText: `${p.name},您好:\n\n刚才有人用这个邮箱在心愿桥注册新账户,但这个邮箱已经有账户了,所以没有创建新账户,您的账户也没有任何变化。\n\n如果是您本人:请直接登录;忘记了密码,可以通过下面的链接重置:\n\n${p.link}\n\n如果不是您本人,请忽略此邮件。`,
    }),
    en: (p) => ({
      subject: 'Someone tried to sign up to WishBridge with your address',
      bodyText: `Hello ${p.name},\n\nSomeone just tried to create a WishBridge account with this address. It already has an account, so nothing was created and your account has not changed.\n\nIf it was you: simply log in. If you forgot your password, reset it through this link:\n\n${p.link}\n\nIf it was not you, you can ignore this mail.`,
    }),
  },
  reset_password: {
    'zh-CN': (p) => ({
      subject: '重置心愿桥密码',
      bodyText: `${p.name},您好:\n\n有人(希望是您)申请重置心愿桥账户的密码。请在 1 小时内打开下面的链接设置新密码,链接只能使用一次:\n\n${p.link}\n\n设置新密码后,所有已登录的设备都会退出。如果不是您本人申请,请忽略此邮件,您的密码不会改变。`,
    }),
    en: (p) => ({
      subject: 'Reset your WishBridge password',
      bodyText: `Hello ${p.name},\n\nSomeone (hopefully you) asked to reset the password of your WishBridge account. Open the link below within 1 hour to choose a new password; it works once:\n\n${p.link}\n\nSetting a new password signs you out everywhere. If it was not you, ignore this mail and your password stays the same.`,
    }),
  },
  // To the NEW address: the link that makes the change (nothing changes until its button is pressed).
  email_change: {
    'zh-CN': (p) => ({
      subject: '请确认心愿桥账户的新邮箱',
      bodyText: `${p.name},您好:\n\n您申请把心愿桥账户的登录邮箱改为 ${p.email}。请在 48 小时内打开下面的链接,并在页面上点击"确认更换"(链接只能使用一次):\n\n${p.link}\n\n确认后,请用这个新邮箱登录;其他设备上的登录都会退出。如果这不是您本人的操作,请忽略此邮件,账户不会有任何变化。`,
    }),
    en: (p) => ({
      subject: 'Confirm the new email address of your WishBridge account',
      bodyText: `Hello ${p.name},\n\nYou asked to change the sign-in address of your WishBridge account to ${p.email}. Open the link below within 48 hours and press "Confirm the change" on the page (it works once):\n\n${p.link}\n\nOnce confirmed, log in with this new address; every other device will be signed out. If it was not you, ignore this mail and nothing changes.`,
    }),
  },
  // To the OLD address: a notice, naming the new address only masked.
  email_change_notice: {
    'zh-CN': (p) => ({
      subject: '心愿桥账户申请更换登录邮箱',
      bodyText: `${p.name},您好:\n\n有人在您的心愿桥账户中申请把登录邮箱改为 ${p.masked}。确认链接已发到新邮箱,在那里确认之前,账户仍使用本邮箱,不会有任何变化。\n\n如果这不是您本人的操作,请立即修改密码(登录后在"我的"页面修改,或通过下面的链接重置),修改或重置密码会取消这次更换;并请联系所在县区的儿童福利机构:\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: 'A change of your WishBridge sign-in address was requested',
      bodyText: `Hello ${p.name},\n\nSomeone asked, from your WishBridge account, to change its sign-in address to ${p.masked}. A confirmation link went to that new address; until it is confirmed there, your account keeps this address and nothing changes.\n\nIf it was not you, change your password now (on your page after logging in, or reset it through the link below): changing or resetting the password cancels the change. Please also contact the children's welfare institution of your county:\n\n${p.link}`,
    }),
  },
  vetting_approved: {
    'zh-CN': (p) => ({
      subject: `审核通过:${subjectZh(p)}`,
      bodyText: `${p.name},您好:\n\n${subjectZh(p)}已通过工作人员审核,现在可以认领微心愿、报名关爱活动了。\n\n查看详情:${p.link}\n\n感谢您的爱心!`,
    }),
    en: (p) => ({
      subject: `Approved: ${subjectEn(p)}`,
      bodyText: `Hello ${p.name},\n\n${capital(subjectEn(p))} has been approved by our staff. You can now claim wishes and sign up for activities.\n\nDetails: ${p.link}\n\nThank you for helping!`,
    }),
  },
  vetting_rejected: {
    'zh-CN': (p) => ({
      subject: `审核未通过:${subjectZh(p)}`,
      bodyText: `${p.name},您好:\n\n很抱歉,${subjectZh(p)}未通过审核。工作人员给出的原因:\n\n${p.reason}\n\n如有疑问,请联系所在县区的儿童福利机构。详情:${p.link}`,
    }),
    en: (p) => ({
      subject: `Not approved: ${subjectEn(p)}`,
      bodyText: `Hello ${p.name},\n\nWe are sorry: ${subjectEn(p)} was not approved. The reason given by our staff:\n\n${p.reason}\n\nIf you have questions, please contact the children's welfare institution of your county. Details: ${p.link}`,
    }),
  },
  vetting_suspended: {
    'zh-CN': (p) => ({
      subject: `已暂停:${subjectZh(p)}`,
      bodyText: `${p.name},您好:\n\n${subjectZh(p)}已被工作人员暂停,暂时不能认领微心愿或报名活动,所有已登录的设备也已退出。原因:\n\n${p.reason}\n\n详情:${p.link}`,
    }),
    en: (p) => ({
      subject: `Suspended: ${subjectEn(p)}`,
      bodyText: `Hello ${p.name},\n\n${capital(subjectEn(p))} has been suspended by our staff: for now it cannot claim wishes or sign up for activities, and every device has been signed out. The reason:\n\n${p.reason}\n\nDetails: ${p.link}`,
    }),
  },
  vetting_reinstated: {
    'zh-CN': (p) => ({
      subject: `已恢复:${subjectZh(p)}`,
      bodyText: `${p.name},您好:\n\n${subjectZh(p)}已恢复正常,可以继续认领微心愿、报名关爱活动了。\n\n详情:${p.link}`,
    }),
    en: (p) => ({
      subject: `Reinstated: ${subjectEn(p)}`,
      bodyText: `Hello ${p.name},\n\n${capital(subjectEn(p))} has been reinstated: you can claim wishes and sign up for activities again.\n\nDetails: ${p.link}`,
    }),
  },
  org_invite: {
    'zh-CN': (p) => ({
      subject: `${p.inviter} 邀请您加入 ${p.orgName}`,
      bodyText: `您好:\n\n${p.inviter} 邀请您以成员身份加入心愿桥上的"${p.orgName}"。请在 7 天内打开下面的链接接受邀请(只能使用一次):\n\n${p.link}\n\n如果您不认识邀请人,请忽略此邮件。`,
    }),
    en: (p) => ({
      subject: `${p.inviter} invites you to join ${p.orgName}`,
      bodyText: `Hello,\n\n${p.inviter} invites you to join "${p.orgName}" on WishBridge as a member. Open the link below within 7 days to accept (it works once):\n\n${p.link}\n\nIf you do not know the sender, ignore this mail.`,
    }),
  },
  staff_invite: {
    'zh-CN': (p) => ({
      subject: `邀请您成为心愿桥工作人员(${p.siteName})`,
      bodyText: `您好:\n\n市民政局邀请您作为"${p.siteName}"的工作人员使用心愿桥。请在 7 天内打开下面的链接,设置姓名和密码(链接只能使用一次):\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `You are invited to work on WishBridge (${p.siteName})`,
      bodyText: `Hello,\n\nThe civil-affairs bureau invites you to use WishBridge as staff of "${p.siteName}". Open the link below within 7 days to set your name and password (it works once):\n\n${p.link}`,
    }),
  },
  // The yearly re-check lapsed: one-to-one contact waits for staff to record it; donating stays open.
  vetting_recheck_lapsed: {
    'zh-CN': (p) => ({
      subject: '年度复查已逾期:一对一活动暂停',
      bodyText: `${p.name},您好:\n\n您的年度复查已于 ${p.dueDate} 到期,工作人员尚未记录新的复查。在此之前,一对一结对和一对一活动暂停;认领微心愿等捐赠不受影响。请联系工作人员完成复查。\n\n详情:${p.link}`,
    }),
    en: (p) => ({
      subject: 'Yearly re-check overdue: one-to-one activities paused',
      bodyText: `Hello ${p.name},\n\nYour yearly re-check was due on ${p.dueDate} and our staff have not recorded a new one yet. Until they do, one-to-one pairings and activities are paused; claiming wishes and other donations are not affected. Please contact our staff to complete the re-check.\n\nDetails: ${p.link}`,
    }),
  },
  vetting_recheck_lapsed_staff: {
    'zh-CN': (p) => ({
      subject: `年度复查逾期:${p.helperName}`,
      bodyText: `${p.name},您好:\n\n${p.helperName} 的年度复查已于 ${p.dueDate} 到期。记录复查之前,其一对一权限已暂停。\n\n记录复查:${p.link}`,
    }),
    en: (p) => ({
      subject: `Yearly re-check overdue: ${p.helperName}`,
      bodyText: `Hello ${p.name},\n\nThe yearly re-check of ${p.helperName} was due on ${p.dueDate}. Their one-to-one privileges are paused until a re-check is recorded.\n\nRecord the re-check: ${p.link}`,
    }),
  },
};
