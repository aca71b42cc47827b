import { ping } from '../data/meta.server';

export function health(): boolean {
  return ping();
}
