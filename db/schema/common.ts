import { integer, text } from 'drizzle-orm/sqlite-core';

/** Random, non-sequential string ids (see app/data/ids.server.ts). */
export const id = () => text('id').primaryKey();
/** UTC milliseconds since the epoch. */
export const timestamp = (name: string) => integer(name);
