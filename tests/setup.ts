import { afterEach, beforeEach, vi } from 'vitest';

// console.error during a test fails it, unless the test called expectConsoleError().
const state = globalThis as unknown as { __consoleErrors: unknown[][]; __consoleErrorExpected: boolean };

beforeEach(() => {
  state.__consoleErrors = [];
  state.__consoleErrorExpected = false;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    state.__consoleErrors.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (state.__consoleErrors.length > 0 && !state.__consoleErrorExpected) {
    const first = state.__consoleErrors[0].map(String).join(' ');
    throw new Error(`console.error was called during the test: ${first.slice(0, 500)}`);
  }
});
