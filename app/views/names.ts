// Names of the objects a log line points at, looked up in one query per kind (data/audit.server.ts
// namesOfObjects) and rendered by the log pages (i18n/labels.ts).

export type NamedKind = 'user' | 'site' | 'org' | 'wish' | 'claim' | 'activity' | 'slot' | 'pairing' | 'child';

export interface NameRef {
  kind: NamedKind;
  id: string;
}

/** Names keyed `kind:id`; `nameEn` where the object has an English name (sites). */
export type ObjectNames = Record<string, { name: string; nameEn: string | null }>;
