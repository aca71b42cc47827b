import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../app/i18n/index';
import { PUBLIC_ROUTE_FILES, cataloguePart, isPublicPath } from '../app/i18n/catalogue-parts';
import { publicKeys, sourceGraph, splitCatalogue } from '../scripts/catalogue-split';

// The browser of a public page gets the public pages' texts only (vite.config.ts, clientCatalogues).
const root = path.resolve(__dirname, '..');
const keys = Object.keys(catalogues['zh-CN']);
const shown = publicKeys(keys, root);

describe('the public part of the texts', () => {
  it('holds the frame, the error pages, the public pages and signing in', () => {
    for (const key of ['app.name', 'nav.wishes', 'nav.staff', 'nav.admin', 'nav.login', 'footer.about', 'error.not_found.title', 'error.forbidden.body', 'error.title', 'home.title', 'auth.login.title', 'auth.field.email']) {
      expect(catalogues['zh-CN'][key], key).toBeTruthy();
      expect(shown.has(key), key).toBe(true);
    }
  });

  it('holds every key under a prefix the public pages name dynamically (t(`wish.category.${c}`))', () => {
    const statuses = keys.filter((k) => k.startsWith('wish.category.'));
    expect(statuses.length).toBeGreaterThan(2);
    for (const key of statuses) expect(shown.has(key), key).toBe(true);
  });

  it('holds every key a template with its placeholder first can make (t(`${kind}.status.${status}`), a wish badge)', () => {
    for (const key of ['wish.status.published', 'claim.status.delivered']) {
      expect(catalogues['zh-CN'][key], key).toBeTruthy();
      expect(shown.has(key), key).toBe(true);
    }
  });

  it('leaves out the staff, admin, pairing and report texts', () => {
    for (const key of ['staff.home.title', ...keys.filter((k) => /^(admin|ps|pairme|pairlist|report|act|vetting|audit)\./.test(k))]) {
      expect(shown.has(key), key).toBe(false);
    }
    expect(shown.size).toBeLessThan(keys.length / 3);
  });

  it('splits each language into two parts that together are the whole, with the same keys in both languages', () => {
    const zh = splitCatalogue(catalogues['zh-CN'], shown);
    const en = splitCatalogue(catalogues.en, shown);
    for (const [part, other] of [
      [zh.public, en.public],
      [zh.rest, en.rest],
    ]) expect(Object.keys(part!).sort()).toEqual(Object.keys(other!).sort());
    expect({ ...zh.public, ...zh.rest }).toEqual(catalogues['zh-CN']);
    expect(Object.keys(zh.public).filter((k) => k in zh.rest)).toEqual([]);
    expect(Object.keys(zh.public).sort()).toEqual([...shown].sort());
  });

  it('reads the public pages and what they import, server modules included (the keys of a refusal or a form error)', () => {
    const files = [...sourceGraph(PUBLIC_ROUTE_FILES.map((f) => path.join(root, f)), path.join(root, 'app')).keys()].map((f) => path.relative(root, f));
    expect(files).toEqual(expect.arrayContaining(['app/root.tsx', 'app/routes/wishes.$id.tsx', 'app/services/claims.server.ts']));
    expect(files.filter((f) => f.includes('i18n/messages/'))).toEqual([]);
  });
});

describe('the part of the texts a page loads', () => {
  it('is the public part on the public pages', () => {
    for (const p of ['/', '/wishes', '/wishes/', '/wishes/abc123', '/activities', '/activities/abc123', '/login', '/signup', '/forgot-password', '/reset-password']) {
      expect(isPublicPath(p), p).toBe(true);
      expect(cataloguePart(p)).toBe('public');
    }
  });

  it('is everything elsewhere, an unknown address (its 404 page) included', () => {
    for (const p of ['/staff', '/staff/wishes', '/admin', '/me', '/me/pairings/x', '/org', '/reports', '/wishes/abc/edit', '/activities/x/slots/y.ics', '/verify', '/nope', '/loginx']) {
      expect(isPublicPath(p), p).toBe(false);
      expect(cataloguePart(p)).toBe('all');
    }
  });
});
