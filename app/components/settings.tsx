import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { FormResult } from '../forms/result';
import { FormMessage, SubmitButton } from './auth';
import { useT } from './i18n';
import { BackLink } from './page';

/** A form that posts to its own route (or `action`): its fields, then the submit button; works without JavaScript. */
export function PostForm({ action, submit, className, children }: { action?: string; submit: string; className?: string; children?: ReactNode }) {
  return (
    <Form method="post" action={action} className="stack">
      {children}
      <div>
        <SubmitButton className={className}>{submit}</SubmitButton>
      </div>
    </Form>
  );
}

/** A form of one button that posts to its own route (`action`), with a hint before it; works without JavaScript. */
export function ActionButton({ action, label, hint, className, children }: { action: string; label: string; hint?: string; className?: string; children?: ReactNode }) {
  return (
    <PostForm action={action} submit={label} className={className}>
      {children}
      {hint ? <p className="hint">{hint}</p> : null}
    </PostForm>
  );
}

/** A page of one form under /me or /org, as the Epic Stack's settings pages: back to the landing page, the title, the form's answer. */
export function SettingsPage({ back, backLabel, title, result, children }: { back: string; backLabel: string; title: string; result: FormResult | undefined; children: ReactNode }) {
  return (
    <>
      <BackLink to={back} label={backLabel} className="meta" />
      <h1>{title}</h1>
      <FormMessage result={result} />
      {children}
    </>
  );
}

/** The sections of a landing page, each a link to its own page. */
export function SectionLinks({ label, links }: { label: string; links: { to: string; label: string; hint?: string }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="plain section-links">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label}</Link>
            {l.hint ? <span className="meta"> {l.hint}</span> : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What a helper still has to do before staff can approve them, each step linked to the page that does it. */
export function PendingSteps({ steps, prefix, links }: { steps: string[]; prefix: string; links: Partial<Record<string, string>> }) {
  const t = useT();
  if (steps.length === 0) return null;
  return (
    <ul data-testid="pending-steps">
      {steps.map((step) => (
        <li key={step}>{links[step] ? <Link to={links[step]}>{t(`${prefix}.${step}`)}</Link> : t(`${prefix}.${step}`)}</li>
      ))}
    </ul>
  );
}
