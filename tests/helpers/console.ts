/** Marks the current test as one that expects console.error (e.g. an unexpected-error page). */
export function expectConsoleError(): void {
  (globalThis as unknown as { __consoleErrorExpected: boolean }).__consoleErrorExpected = true;
}
