import { describe, expect, it } from 'vitest';
import type { ClaimStatus, ClaimTransition } from '../../app/domain/claim';
import { decideClaimStep, decideClaiming, decideWithdrawal } from '../../app/domain/wish-claim';
import type { WishStatus } from '../../app/domain/wish';

// Every effect of one claim step, on the claim, the wish and the mail, written out by hand.
const input = { reason: '物品不符', valueReceivedFen: 7550 };

describe('decideClaimStep: each step and what its wish does', () => {
  it.each([
    ['approve', 'pending', 'claimed', { claimTo: 'approved', wishStep: null, wishTo: null, mails: ['claim.approved'] }],
    ['reject', 'pending', 'claimed', { claimTo: 'rejected', wishStep: 'release', wishTo: 'published', mails: ['claim.rejected'] }],
    ['release', 'approved', 'claimed', { claimTo: 'released', wishStep: 'release', wishTo: 'published', mails: [] }],
    ['expire', 'approved', 'claimed', { claimTo: 'expired', wishStep: 'release', wishTo: 'published', mails: ['claim.expired'] }],
    ['deliver', 'approved', 'claimed', { claimTo: 'delivered', wishStep: 'deliver', wishTo: 'delivered', mails: [] }],
    ['confirm', 'delivered', 'delivered', { claimTo: 'confirmed', wishStep: 'fulfil', wishTo: 'fulfilled', mails: ['claim.confirmed'] }],
  ] as const)('%s (claim %s, wish %s)', (step, claim, wish, effects) => {
    expect(decideClaimStep({ claim: { status: claim }, wish: { status: wish } }, step as ClaimTransition, input)).toEqual({ ok: true, value: effects });
  });

  it("refuses a step the claim's table does not allow, before looking at the wish", () => {
    expect(decideClaimStep({ claim: { status: 'pending' }, wish: { status: 'claimed' } }, 'deliver')).toEqual({
      ok: false,
      error: { kind: 'bad_transition', from: 'pending', to: 'delivered', message: { key: 'error.bad_transition', params: { from: 'pending', transition: 'deliver' } } },
    });
  });

  it("refuses the step when the wish's table does not allow what follows", () => {
    expect(decideClaimStep({ claim: { status: 'approved' }, wish: { status: 'published' } }, 'deliver')).toEqual({
      ok: false,
      error: { kind: 'bad_transition', from: 'published', to: 'delivered', message: { key: 'error.bad_transition', params: { from: 'published', transition: 'deliver' } } },
    });
  });

  it('passes the input on: a confirmation needs the value received', () => {
    expect(decideClaimStep({ claim: { status: 'delivered' }, wish: { status: 'delivered' } }, 'confirm')).toEqual({
      ok: false,
      error: { kind: 'validation', fields: { valueReceived: ['value_received_required'] } },
    });
  });
});

describe('decideClaiming', () => {
  it('claims a published wish and mails the helper', () => {
    expect(decideClaiming({ status: 'published', deadlineAt: null }, 0)).toEqual({
      ok: true,
      value: { claimTo: 'pending', wishStep: 'claim', wishTo: 'claimed', mails: ['claim.received'] },
    });
  });
});

describe('decideWithdrawal', () => {
  it.each([
    [null, { claimTo: null, wishStep: 'withdraw', wishTo: 'withdrawn', mails: [] }],
    ['pending', { claimTo: 'released', wishStep: 'withdraw', wishTo: 'withdrawn', mails: ['claim.withdrawn'] }],
    ['approved', { claimTo: 'released', wishStep: 'withdraw', wishTo: 'withdrawn', mails: ['claim.withdrawn'] }],
  ] as const)('with a live claim %s', (claim, effects) => {
    expect(decideWithdrawal({ status: 'claimed' }, claim === null ? null : { status: claim as ClaimStatus })).toEqual({ ok: true, value: effects });
  });

  it('does not overtake a delivered claim', () => {
    expect(decideWithdrawal({ status: 'claimed' as WishStatus }, { status: 'delivered' })).toEqual({
      ok: false,
      error: { kind: 'bad_transition', from: 'delivered', to: 'released', message: { key: 'error.bad_transition', params: { from: 'delivered', transition: 'withdraw' } } },
    });
  });
});
