import { describe, expect, it } from 'vitest';
import { countyShownFor, isPublicWishStatus, WISH_STATUSES } from '../../app/domain/wish';

describe('isPublicWishStatus', () => {
  const PUBLIC = new Set(['published', 'claimed', 'delivered', 'fulfilled']);
  it.each(WISH_STATUSES.map((s) => [s, PUBLIC.has(s)] as const))('%s → %s', (status, shown) => {
    expect(isPublicWishStatus(status)).toBe(shown);
  });

  it('knows no other status', () => {
    expect(isPublicWishStatus('')).toBe(false);
    expect(isPublicWishStatus('PUBLISHED')).toBe(false);
  });
});

describe('countyShownFor (README D7)', () => {
  const site = (id: string, kind: string) => ({ id, kind });
  it.each([
    ['a county itself', [site('lt', 'county'), site('wz', 'city')], 'lt'],
    ['the nearest county above an institution', [site('gch', 'institution'), site('gc', 'township'), site('lt', 'county'), site('wz', 'city')], 'lt'],
    ['the city, for a home directly under it', [site('wzi', 'institution'), site('wz', 'city')], 'wz'],
    ['the site itself, with neither above it', [site('x', 'institution'), site('y', 'township')], 'x'],
  ])('%s', (_why, chain, id) => {
    expect(countyShownFor(chain)?.id).toBe(id);
  });

  it('is nothing for no site', () => {
    expect(countyShownFor([])).toBeUndefined();
  });
});
