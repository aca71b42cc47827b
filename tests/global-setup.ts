import { buildIfStale } from '../scripts/build-if-stale';

// Tests that start the production server need a current build; build it once for the whole run.
export default function setup() {
  if (!buildIfStale(() => {})) throw new Error('the production build failed');
}
