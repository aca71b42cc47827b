import type { Translate } from './index';

// Labels for the codes the logs store (audit actions, object types and statuses, security event types,
// mail templates). A code without a label shows as itself rather than as a catalogue key.

/** The text of `key`, or `fallback` when neither catalogue has it. */
export function labelOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

/** Where the status labels of each audited object type live. */
export const AUDIT_STATUS_PREFIX: Readonly<Record<string, string>> = {
  wish: 'wish.status',
  claim: 'claim.status',
  volunteer: 'helper.status',
  organization: 'helper.status',
  activity: 'activity.status',
  slot: 'slot.status',
  pairing: 'pairing.status',
};

export const auditEntityLabel = (t: Translate, entityType: string) => labelOr(t, `audit.entity.${entityType}`, entityType);
export const auditActionLabel = (t: Translate, action: string) => labelOr(t, `audit.action.${action}`, action);

export function auditStatusLabel(t: Translate, entityType: string, status: string): string {
  const prefix = AUDIT_STATUS_PREFIX[entityType];
  return prefix ? labelOr(t, `${prefix}.${status}`, status) : status;
}

export const securityEventLabel = (t: Translate, type: string) => labelOr(t, `security.type.${type}`, type);
export const mailTemplateLabel = (t: Translate, template: string) => labelOr(t, `mail.template.${template}`, template);
