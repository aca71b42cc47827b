import { useEffect, useState } from 'react';
import { useT } from './i18n';

// The strength of a new password as the person types, by the same estimator the server applies
// (app/forms/password-strength.ts). The estimator and its dictionaries are large, so they are fetched
// with import() only once someone focuses a new-password field; pages without one never load them.
// Without JavaScript nothing shows here and the server's answer still names what is wrong.

type Estimator = typeof import('../forms/password-strength');
let loading: Promise<Estimator> | null = null;
const loadEstimator = () => (loading ??= import('../forms/password-strength'));

interface Verdict {
  score: number;
  acceptable: boolean;
  feedback: string[];
}

function ownerOf(form: HTMLFormElement | null) {
  const value = (name: string) => {
    const field = form?.elements.namedItem(name);
    return field instanceof HTMLInputElement ? field.value : null;
  };
  return { email: value('email') ?? value('newEmail'), name: value('displayName') };
}

/** Shown under the new-password field named `name`, whose input has id `name`. */
export function PasswordStrengthHint({ name, owner }: { name: string; owner?: { email?: string | null; name?: string | null } }) {
  const t = useT();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  useEffect(() => {
    const input = document.getElementById(name);
    if (!(input instanceof HTMLInputElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    const check = () => {
      const password = input.value;
      const ticket = ++latest;
      if (password.length === 0) {
        setVerdict(null);
        return;
      }
      void loadEstimator().then((estimator) => {
        if (ticket !== latest) return;
        const typed = ownerOf(input.form);
        setVerdict(estimator.passwordStrength(password, { email: owner?.email ?? typed.email, name: owner?.name ?? typed.name }));
      });
    };
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(check, 150);
    };
    const onFocus = () => void loadEstimator();
    input.addEventListener('input', onInput);
    input.addEventListener('focus', onFocus);
    if (input.value) onInput();
    return () => {
      clearTimeout(timer);
      input.removeEventListener('input', onInput);
      input.removeEventListener('focus', onFocus);
    };
  }, [name, owner?.email, owner?.name]);

  return (
    <small className="password-strength hint" id={`${name}-strength`} aria-live="polite" data-score={verdict?.score}>
      {verdict ? (
        <>
          <span className={verdict.acceptable ? 'strength-ok' : 'strength-weak'}>
            {t('password.strength.label')}: {t(`password.strength.${verdict.score}`)}
            {verdict.acceptable ? `. ${t('password.strength.ok')}` : ''}
          </span>
          {verdict.acceptable ? null : ` ${[verdict.feedback.length ? '' : t('form.password.weak'), ...verdict.feedback.map((key) => t(key))].filter(Boolean).join(' ')}`}
        </>
      ) : null}
    </small>
  );
}
