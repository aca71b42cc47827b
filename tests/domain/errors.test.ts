import { describe, expect, it } from 'vitest';
import { conflict, err, forbidden, notFound, ok } from '../../app/domain/errors';

// The shapes every layer reads: app/server/http.server.ts maps them to HTTP, the pages to messages.
describe('results and domain errors', () => {
  it('wraps a value and an error', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err({ kind: 'not_found' })).toEqual({ ok: false, error: { kind: 'not_found' } });
  });

  it('a conflict carries its message and parameters', () => {
    expect(conflict('claim.error.not_open')).toEqual({ ok: false, error: { kind: 'conflict', message: { key: 'claim.error.not_open', params: undefined } } });
    expect(conflict('wish.error.cap', { cap: 200 })).toEqual({
      ok: false,
      error: { kind: 'conflict', message: { key: 'wish.error.cap', params: { cap: 200 } } },
    });
  });

  it('a refusal has a message only when one is named', () => {
    expect(forbidden('claim.error.own_claim')).toStrictEqual({ ok: false, error: { kind: 'forbidden', message: { key: 'claim.error.own_claim' } } });
    expect(forbidden()).toStrictEqual({ ok: false, error: { kind: 'forbidden', message: undefined } });
    expect(forbidden('')).toStrictEqual({ ok: false, error: { kind: 'forbidden', message: undefined } });
  });

  it('not found says nothing more', () => {
    expect(notFound()).toStrictEqual({ ok: false, error: { kind: 'not_found' } });
  });
});
