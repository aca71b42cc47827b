import { databaseFileState } from '../data/storage.server';
import { logger } from '../platform/logger.server';

/** The page a write gets when the database file is gone from its path (README D23). Plain HTML: no database needed. */
export const STORAGE_UNAVAILABLE_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>暂时无法保存 · Cannot save right now</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>暂时无法保存</h1>
<p>服务器的存储出了问题,您刚才的操作没有保存。请稍后再试;管理员已在日志中看到这个问题。</p>
<h2 lang="en">Cannot save right now</h2>
<p lang="en">The server’s storage has a problem, so what you just did was not saved. Please try again later; the administrators see the problem in the log.</p>
<p><a href="/">返回首页 · Home</a></p>
</body></html>`;

/**
 * Before any write request reaches the app: when the database file is no longer the one the process opened
 * (deleted or replaced), every write would be lost without an error, including those outside a transaction
 * (a session, a rate-limit count). Refused with 503 instead. Costs one stat() per write request.
 */
export function storageRefusal(method: string): { status: 503; html: string } | null {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  const state = databaseFileState();
  if (state !== 'missing' && state !== 'replaced') return null;
  logger.error('write refused: storage unavailable', { reason: `database file ${state}`, method });
  return { status: 503, html: STORAGE_UNAVAILABLE_PAGE };
}
