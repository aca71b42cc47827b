import type * as v from 'valibot';

// The HTML constraints of a form's inputs, read from the valibot schema the server parses it with,
// so that the browser's checks and the server's never drift apart. Client-safe.

/** What an input gets: spread it onto <input>, <textarea>, <select> or <Field>. */
export interface InputConstraints {
  required?: true;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

interface SchemaNode {
  type: string;
  kind: string;
  pipe?: readonly SchemaNode[];
  wrapped?: SchemaNode;
  entries?: Record<string, SchemaNode>;
  requirement?: unknown;
}

const OPTIONAL = new Set(['optional', 'exact_optional', 'nullish', 'undefinedable', 'nullable']);
/** Transformations that leave a string's length meaningful for the browser; any other ends the reading. */
const KEEPS_SHAPE = new Set(['trim', 'trim_start', 'trim_end', 'to_lower_case', 'to_upper_case']);

function read(node: SchemaNode, out: { optional: boolean; c: InputConstraints; done: boolean }): void {
  if (OPTIONAL.has(node.type)) out.optional = true;
  if (!node.pipe) {
    if (node.wrapped) read(node.wrapped, out);
    return;
  }
  const [base, ...actions] = node.pipe;
  read(base, out);
  for (const action of actions) {
    if (out.done) return;
    if (action.kind === 'schema') {
      read(action, out);
      continue;
    }
    if (action.kind === 'transformation') {
      if (!KEEPS_SHAPE.has(action.type)) out.done = true;
      continue;
    }
    if (action.kind !== 'validation') continue;
    const n = action.requirement;
    if (action.type === 'non_empty') out.c.minLength = Math.max(out.c.minLength ?? 0, 1);
    if (typeof n !== 'number') continue;
    if (action.type === 'max_length') out.c.maxLength = Math.min(out.c.maxLength ?? n, n);
    if (action.type === 'min_length') out.c.minLength = Math.max(out.c.minLength ?? n, n);
    if (action.type === 'max_value') out.c.max = Math.min(out.c.max ?? n, n);
    if (action.type === 'min_value') out.c.min = Math.max(out.c.min ?? n, n);
  }
}

/** The constraints of one field's schema: required unless optional, lengths and bounds read before any transform. */
export function inputConstraints(schema: v.GenericSchema): InputConstraints {
  const out = { optional: false, c: {} as InputConstraints, done: false };
  read(schema as unknown as SchemaNode, out);
  const { minLength, ...rest } = out.c;
  // "Not empty" is what `required` says; a minimum of one character adds nothing to it.
  const c: InputConstraints = { ...rest, ...(minLength !== undefined && minLength > 1 ? { minLength } : {}) };
  if (!out.optional) c.required = true;
  return c;
}

type EntriesOf<S> = S extends { entries: infer E } ? E : S extends { pipe: readonly [infer F, ...unknown[]] } ? EntriesOf<F> : never;

/** Every field of an object schema (or of a pipe that starts with one) → its input constraints. */
export function formConstraints<S extends v.GenericSchema>(schema: S): { [K in keyof EntriesOf<S> & string]: InputConstraints } {
  let node = schema as unknown as SchemaNode;
  while (!node.entries && node.pipe) node = node.pipe[0];
  const out: Record<string, InputConstraints> = {};
  for (const [name, entry] of Object.entries(node.entries ?? {})) out[name] = inputConstraints(entry as unknown as v.GenericSchema);
  return out as { [K in keyof EntriesOf<S> & string]: InputConstraints };
}
