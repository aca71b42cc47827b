import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { Field, SubmitButton } from '../../app/components/auth';
import { formConstraints, inputConstraints } from '../../app/forms/constraints';
import { ChangePasswordSchema, SignUpSchema } from '../../app/forms/auth';
import { ChildForm } from '../../app/forms/child';
import { VolunteerProfileSchema } from '../../app/forms/profile';

/** Renders a component inside a data router (the components read the locale from the root route). */
async function render(element: ReactElement): Promise<string> {
  const routes = [{ id: 'root', path: '/', element, loader: () => ({ locale: 'en' }) }];
  const { dataRoutes, query } = createStaticHandler(routes);
  const context = await query(new Request('http://localhost/'));
  if (context instanceof Response) throw new Error('unexpected redirect');
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(dataRoutes, context), context, hydrate: false }));
}

describe('input constraints read from the schema', () => {
  it('take required, lengths and bounds from the pipe, and nothing from an optional field but its limits', () => {
    const schema = v.object({
      name: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(60)),
      note: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(300)),
      alias: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20))),
      code: v.pipe(v.string(), v.minLength(4), v.maxLength(24)),
      count: v.pipe(v.number(), v.minValue(1), v.maxValue(30)),
      // After a transform the numbers speak of something else (fen, not yuan): they are not the input's.
      yuan: v.pipe(v.string(), v.transform((s) => Number(s) * 100), v.minValue(100)),
    });
    expect(formConstraints(schema)).toEqual({
      name: { required: true, maxLength: 60 },
      note: { maxLength: 300 },
      alias: { maxLength: 20 },
      code: { required: true, minLength: 4, maxLength: 24 },
      count: { required: true, min: 1, max: 30 },
      yuan: { required: true },
    });
  });

  it('read a pipe that starts with an object (sign-up checks fields against each other)', () => {
    const c = formConstraints(SignUpSchema);
    expect(c.password).toEqual({ required: true, minLength: 8, maxLength: 128 });
    expect(c.organizationName).toEqual({ maxLength: 100 });
    expect(c.caringParent).toEqual({});
  });

  it('match the forms the app posts', () => {
    expect(formConstraints(ChildForm).realName).toEqual({ required: true, maxLength: 40 });
    expect(formConstraints(ChildForm).notes).toEqual({ maxLength: 2000 });
    expect(formConstraints(VolunteerProfileSchema).phone).toEqual({ maxLength: 20 });
    expect(inputConstraints(ChangePasswordSchema.entries.newPassword)).toEqual({ required: true, minLength: 8, maxLength: 128 });
  });

  it('are what the rendered input carries: changing the schema changes the attribute', async () => {
    const field = async (max: number) => {
      const c = formConstraints(v.object({ title: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max)) }));
      return render(createElement(Field, { name: 'title', label: 'Title', result: undefined, ...c.title }));
    };
    expect(await field(60)).toMatch(/<input[^>]*maxLength="60"[^>]*required=""/);
    expect(await field(61)).toMatch(/maxLength="61"/);
    const optional = await render(createElement(Field, { name: 'skills', label: 'Skills', result: undefined, ...formConstraints(VolunteerProfileSchema).skills }));
    expect(optional).toMatch(/maxLength="300"/);
    expect(optional).not.toMatch(/required/);
  });

  it('sit in the one form kit, whose button renders as a plain submit button (forms work without JavaScript)', async () => {
    expect(await render(createElement(SubmitButton, { className: 'secondary', children: 'Save' }))).toBe('<button type="submit" class="secondary">Save</button>');
  });
});
