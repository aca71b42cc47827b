import { Transform } from 'node:stream';
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer, isRouteErrorResponse } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceProvider } from './components/nonce';
import { InlineStylesContext } from './components/inline-styles';
import styles from './styles.css?inline';
import { RequestIdContext } from './components/request-id';
import { logger } from './platform/logger.server';

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? '';
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Pending deferred data is bounded by RemixServer's abortDelay; this timer bounds the rest of a streamed
    // page once its shell is out. It never runs during the render itself: a synchronous SQLite wait for
    // another process's write lock freezes the event loop, and under load a timer started with the render
    // aborted pages that were only waiting their turn, sending them with status 500.
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdContext.Provider value={loadContext.requestId ?? ''}>
          <InlineStylesContext.Provider value={styles}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </InlineStylesContext.Provider>
        </RequestIdContext.Provider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          if (waitForAll) return;
          shellRendered = true;
          send();
        },
        onAllReady() {
          clearTimeout(abortTimer);
          if (!waitForAll) return;
          shellRendered = true;
          send();
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          logger.error('render error', { shellRendered, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
        },
      },
    );
    function send() {
      const body = withoutPaddingBytes();
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
      if (!waitForAll) abortTimer = setTimeout(abort, ABORT_DELAY);
    }
  });
}

/**
 * React 18.3's node renderer writes its whole 2 KB buffer when a multi-byte character (most Chinese text) does not
 * fit at its end, zero bytes included: a page could read "送\0\0达" wherever a character met that edge. The zeros
 * only ever trail a chunk, and HTML never holds a NUL, so they are cut off here. (Fixed in React 19.)
 */
function withoutPaddingBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}

/**
 * Unexpected errors are logged with the request id the error page shows; the page never shows the error.
 * A refusal the router makes itself (no such page, a POST to a page without a form) is a 4xx, logged as one.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  const requestId = (context as AppLoadContext | undefined)?.requestId ?? 'unknown';
  if (isRouteErrorResponse(error) && error.status < 500) {
    logger.warn('request refused', { requestId, status: error.status, reason: error.statusText, method: request.method, path: new URL(request.url).pathname });
    return;
  }
  logger.error('unexpected error', {
    requestId,
    method: request.method,
    path: new URL(request.url).pathname,
    error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
  });
};
