// Charts drawn on the server as SVG: no chart library, no client code. Each chart is an image (a group,
// when its bars link to their records) with a title for assistive technology, and carries its figures as a table (visually hidden, read by screen
// readers) as its text equivalent. Colours come from the house palette (app/styles.css).

import { useId } from 'react';

export interface ChartDatum {
  /** The bar's label (a month, a county, a type), already translated. */
  label: string;
  value: number;
  /** Where the bar's records are listed, if anywhere (the bar becomes a link). */
  href?: string;
}

interface BarChartProps {
  title: string;
  data: readonly ChartDatum[];
  /** The value as written beside a bar and in the table (e.g. with its unit). */
  format?: (value: number) => string;
  /** The header of the table's label column and value column. */
  labelHeader: string;
  valueHeader: string;
}

const BAR = 22;
const GAP = 8;
const LABEL_W = 120;
const VALUE_W = 64;
const WIDTH = 560;

/** A horizontal bar chart: one bar per datum, labels on the left, values at the bar's end. */
export function BarChart({ title, data, format = String, labelHeader, valueHeader }: BarChartProps) {
  const titleId = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const plot = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(1, data.length) * (BAR + GAP) + GAP;
  // An image may not hold links (axe: nested-interactive): a chart whose bars link is a group of links.
  const role = data.some((d) => d.href) ? 'group' : 'img';
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role={role} aria-labelledby={titleId} preserveAspectRatio="xMinYMin meet">
        <title>{title}</title>
        {data.map((d, i) => {
          const y = GAP + i * (BAR + GAP);
          const w = d.value > 0 ? Math.max(2, Math.round((d.value / max) * plot)) : 0;
          const bar = (
            <>
              <text x={LABEL_W - 8} y={y + BAR / 2} dominantBaseline="central" textAnchor="end" className="chart-label">
                {d.label}
              </text>
              <rect x={LABEL_W} y={y} width={w} height={BAR} rx={3} className="chart-bar" />
              <text x={LABEL_W + w + 6} y={y + BAR / 2} dominantBaseline="central" className="chart-value">
                {format(d.value)}
              </text>
            </>
          );
          return <g key={`${d.label}-${i}`}>{d.href ? <a href={d.href}>{bar}</a> : bar}</g>;
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d, i) => (
            <tr key={`${d.label}-${i}`}>
              <th scope="row">{d.label}</th>
              <td>{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
