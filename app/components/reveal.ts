import { useEffect, useRef } from 'react';

/**
 * After a form is answered (`answer` is the action data, whose identity changes per submission), bring
 * the answer into view and give it focus: the first field marked invalid, else the element this ref is
 * on. Long forms on a phone otherwise answer far above where the person pressed the button.
 */
export function useRevealAnswer<T extends HTMLElement>(answer: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!answer) return;
    const target = document.querySelector<HTMLElement>('[aria-invalid="true"]') ?? ref.current;
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, [answer]);
  return ref;
}
