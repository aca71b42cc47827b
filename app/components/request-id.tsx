import { createContext, useContext } from 'react';

export const RequestIdContext = createContext<string>('');

// On the client the id of the document request is read back from the page, so the error page shows it too.
const initialRequestId =
  typeof document === 'undefined' ? '' : document.querySelector('meta[name="request-id"]')?.getAttribute('content') ?? '';

export function useRequestId(): string {
  return useContext(RequestIdContext) || initialRequestId;
}
