// Names of the objects a log line points at, looked up in one query per kind (data/audit.server.ts
// namesOfObjects) and rendered by the log pages (i18n/labels.ts).

export type NamedKind = 'user' | 'site' | 'org' | 'wish' | 'claim' | 'activity' | 'slot' | 'pairing' | 'child' | 'signup' | 'visit' | 'concern' | 'certificate';

export interface NameRef {
  kind: NamedKind;
  id: string;
}

/**
 * Names keyed `kind:id`; `nameEn` where the object has an English name (sites). A pairing's contact log
 * or concern is named by its child's alias with its kind (a code, labelled by the page) and, for a
 * contact, its day (YYYY-MM-DD in Asia/Shanghai): never by the child's real name.
 */
export type ObjectNames = Record<string, { name: string; nameEn: string | null; kind?: string | null; day?: string | null }>;
