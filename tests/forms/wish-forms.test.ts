import { describe, expect, it } from 'vitest';
import { yuanToFen } from '../../app/forms/fields';
import { parseForm } from '../../app/forms/parse';
import { BasketForm, StaffClaimForm } from '../../app/forms/claim';
import { NewWishForm } from '../../app/forms/wish';

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
};

describe('money in yuan', () => {
  it('becomes integer fen exactly, without floating point', () => {
    expect(yuanToFen('120')).toBe(12000);
    expect(yuanToFen('99.5')).toBe(9950);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('¥1,200.10')).toBe(120010);
    expect(yuanToFen('300元')).toBe(30000);
    for (const bad of ['', '12.345', '-5', 'abc', '1e3', '12..3']) expect(yuanToFen(bad), bad).toBeNull();
  });
});

describe('forms', () => {
  it('parse a new wish, an empty deadline meaning none', () => {
    const parsed = parseForm(NewWishForm, form({ childId: 'c1', title: ' 书包 ', story: '想要书包。', category: 'stationery', value: '88.8', deadline: '' }));
    expect(parsed).toEqual({ ok: true, value: { childId: 'c1', title: '书包', story: '想要书包。', category: 'stationery', value: 8880, deadline: undefined } });
    const bad = parseForm(NewWishForm, form({ childId: '', title: '', story: 'x', category: 'cars', value: 'many', deadline: '2025-02-30' }));
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { childId: ['form.required'], title: ['form.required'], category: ['form.choose_one'], value: ['form.money_invalid'], deadline: ['form.date_invalid'] },
    });
  });

  it('report a missing field with a catalogue key, not valibot’s English', () => {
    expect(parseForm(NewWishForm, form({ childId: 'c1' }))).toMatchObject({ ok: false, fieldErrors: { title: ['form.required'], value: ['form.required'] } });
  });

  it('read a basket of one or many wishes, without duplicates', () => {
    expect(parseForm(BasketForm, form({ intent: 'basket', orgId: 'o', wishId: 'a' }))).toMatchObject({ ok: true, value: { wishId: ['a'] } });
    expect(parseForm(BasketForm, form({ intent: 'basket', orgId: 'o', wishId: ['a', 'b', 'a'] }))).toMatchObject({ ok: true, value: { wishId: ['a', 'b'] } });
    expect(parseForm(BasketForm, form({ intent: 'basket', orgId: 'o' }))).toMatchObject({ ok: false, fieldErrors: { wishId: ['form.choose_one'] } });
  });

  it('read a staff confirmation with the value received in yuan', () => {
    expect(parseForm(StaffClaimForm, form({ intent: 'confirm', valueReceived: '118.5', thanks: '' }))).toEqual({
      ok: true,
      value: { intent: 'confirm', reason: undefined, valueReceived: 11850, thanks: undefined },
    });
    expect(parseForm(StaffClaimForm, form({ intent: 'publish' }))).toMatchObject({ ok: false, fieldErrors: { intent: ['form.choose_one'] } });
  });

  it('refuse confirming a delivery worth nothing, with a field message', () => {
    for (const zero of ['0', '0.00', '¥0', '0元']) {
      expect(parseForm(StaffClaimForm, form({ intent: 'confirm', valueReceived: zero })), zero).toMatchObject({
        ok: false,
        fieldErrors: { valueReceived: ['form.money_positive'] },
      });
    }
    expect(parseForm(StaffClaimForm, form({ intent: 'confirm', valueReceived: '-5' }))).toMatchObject({ ok: false, fieldErrors: { valueReceived: ['form.money_invalid'] } });
    expect(parseForm(StaffClaimForm, form({ intent: 'confirm', valueReceived: '0.01' }))).toMatchObject({ ok: true, value: { valueReceived: 1 } });
  });
});
