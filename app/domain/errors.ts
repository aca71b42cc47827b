// Expected failures are values. One union, mapped to HTTP in one place (app/server/http.server.ts).

export type DomainError =
  | { kind: 'validation'; fields: Record<string, string[]>; message?: MessageRef }
  | { kind: 'conflict'; message: MessageRef }
  | { kind: 'capacity'; message: MessageRef }
  | { kind: 'bad_transition'; from: string; to: string; message: MessageRef }
  | { kind: 'forbidden'; message?: MessageRef }
  | { kind: 'not_found' }
  | { kind: 'rate_limited'; retryAfterSeconds: number; message: MessageRef }
  | { kind: 'privacy'; findings: PrivacyFinding[] };

/** A catalogue key plus its parameters; the UI translates it. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

export interface PrivacyFinding {
  /** 'real_name' | 'given_name' | 'id_card' | 'phone' | 'address' | 'school' */
  kind: string;
  /** The matched text, to show the staff member what to fix (staff pages only). */
  match: string;
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E extends DomainError>(error: E): Result<never, E> => ({ ok: false, error });

export const conflict = (key: string, params?: MessageRef['params']) =>
  err({ kind: 'conflict', message: { key, params } });
export const forbidden = (key?: string) => err({ kind: 'forbidden', message: key ? { key } : undefined });
export const notFound = () => err({ kind: 'not_found' as const });
