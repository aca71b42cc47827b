import * as v from 'valibot';
import { CLAIM_STATUSES } from '../domain/claim';
import { WISH_STATUSES } from '../domain/wish';

// Query strings, read with valibot like the forms (parseQuery in ./parse). A query string is a shareable link,
// so every value falls back: a malformed or unknown one reads as "no filter" (or the first page), never an error.

/** An optional filter value: anything malformed reads as "no filter" (''). */
export const filter = (schema: v.GenericSchema<string, string>) => v.optional(v.fallback(schema, ''), '');

/** A search text, trimmed; one longer than `max` is ignored (no alias, name or address is that long). */
export const searchText = (max: number) => filter(v.pipe(v.string(), v.trim(), v.maxLength(max)));

/** The `?page=` of a paged list: a whole number from 1; anything else is the first page. */
export const page = v.optional(v.fallback(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,5}$/), v.transform(Number)), 1), '1');

/** One of the values a list filters by, or '' for all. */
const oneOf = <T extends string>(values: readonly T[]) => v.optional(v.fallback(v.picklist<('' | T)[]>(['', ...values]), ''), '');

/** Longest search text of the child search: no alias or name is this long. */
export const CHILD_SEARCH_MAX = 40;
/** Longest id in a query string (ids are 16 characters of base32). */
const ID_MAX = 40;

/** A keyset cursor of a list (`after` / `before`): its shape is checked where it is decoded; too long reads as none. */
export const cursor = v.optional(v.fallback(v.pipe(v.string(), v.maxLength(80)), ''), '');

/** /staff/wishes: a status (or all) and the keyset cursors of the page (README D19; `page=` is no longer read). */
export const StaffWishQuery = v.object({ status: oneOf(WISH_STATUSES), after: cursor, before: cursor });

/** /staff/claims: a status (or all) and the keyset cursors of the page. */
export const StaffClaimQuery = v.object({ status: oneOf(CLAIM_STATUSES), after: cursor, before: cursor });

/** /staff/children: part of an alias or name, a site, and the page. */
export const ChildListQuery = v.object({ q: searchText(CHILD_SEARCH_MAX), site: searchText(ID_MAX), page });

/** The child picker of /staff/wishes/new: part of an alias or name, a site, a child to preselect. */
export const ChildPickerQuery = v.object({ q: searchText(CHILD_SEARCH_MAX), site: searchText(ID_MAX), childId: searchText(ID_MAX) });

/** /admin/outbox: the mail sent to one address (part of it). */
export const OutboxQuery = v.object({ to: searchText(254) });

/** The `?org=` of the organization pages: which of the viewer's organizations ('' for the first). */
export const OrgQuery = v.object({ org: searchText(ID_MAX) });
