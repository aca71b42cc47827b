import { describe, it, expect } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BarChart } from '../app/components/charts';

describe('BarChart (server-drawn SVG)', () => {
  const html = renderToStaticMarkup(
    createElement(BarChart, {
      title: '每月实现的微心愿',
      labelHeader: '月份',
      valueHeader: '个数',
      format: (v: number) => `${v} 个`,
      data: [
        { label: '1月', value: 52, href: '/reports/records?figure=wishesFulfilled&month=2025-01' },
        { label: '2月', value: 104 },
        { label: '3月', value: 0 },
      ],
    }),
  );

  it('is named by its title for assistive technology: a group of links when its bars link, else an image', () => {
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="([^"]+)"/);
    const plain = renderToStaticMarkup(createElement(BarChart, { title: 't', labelHeader: 'a', valueHeader: 'b', data: [{ label: 'x', value: 1 }] }));
    expect(plain).toMatch(/<svg[^>]*role="img"/);
    const id = /aria-labelledby="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`<figcaption id="${id}">每月实现的微心愿</figcaption>`);
    expect(html).toContain('<title>每月实现的微心愿</title>');
  });

  it('carries every figure as a table: its text equivalent', () => {
    expect(html).toContain('<th scope="row">1月</th><td>52 个</td>');
    expect(html).toContain('<th scope="row">2月</th><td>104 个</td>');
    expect(html).toContain('<th scope="row">3月</th><td>0 个</td>');
  });

  it('scales the bars to the largest value, draws no bar for zero, and links a bar to its records', () => {
    const widths = [...html.matchAll(/<rect[^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]).toBe(560 - 120 - 64);
    expect(widths[0]).toBe(Math.round((52 / 104) * (560 - 120 - 64)));
    expect(widths[2]).toBe(0);
    expect(html).toContain('<a href="/reports/records?figure=wishesFulfilled&amp;month=2025-01">');
  });
});
