import type { RouteConfig } from '@remix-run/route-config';
import { route } from '@remix-run/route-config';
import { flatRoutes } from '@remix-run/fs-routes';

// `npm run bench` adds an empty page (bench/empty-page.tsx) to its own build (vite.config.ts), the yardstick
// of its table; the normal build never has it.
const benchRoutes = process.env.WISHBRIDGE_BENCH_BUILD === '1' ? [route('__bench/empty', '../bench/empty-page.tsx')] : [];

export default flatRoutes({ ignoredRouteFiles: ['**/*.test.*'] }).then((routes) => [...routes, ...benchRoutes]) satisfies RouteConfig;
