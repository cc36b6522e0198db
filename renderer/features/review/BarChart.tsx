import { useId } from 'react';
import { scale } from './metricsData';

export interface BarSeries {
  key: string;
  label: string;
}

export interface BarGroup {
  /** Under the group on the x axis (short). */
  label: string;
  /** For the bar's tooltip (long). */
  title: string;
  values: number[];
}

interface Props {
  title: string;
  /** What the chart shows, in a sentence (read by screen readers with the title). */
  description: string;
  series: BarSeries[];
  groups: BarGroup[];
}

const BAR = 16;
const GAP = 2;
const GROUP_GAP = 20;
/** A chart of a few weeks still gets some width: groups widen up to this much each. */
const MIN_PLOT = 520;
const MAX_GROUP = 120;
const HEIGHT = 200;
const TOP = 10;
const LEFT = 34;
const BOTTOM = 26;

/**
 * Grouped bars, drawn by hand in SVG: one group per week, one bar per series. Each series has a
 * fill pattern as well as a colour (solid, stripes, dots), repeated in the legend; the numbers
 * themselves are in the table that accompanies every chart.
 */
export function BarChart({ title, description, series, groups }: Props) {
  const raw = useId();
  const id = `chart${raw.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const max = Math.max(0, ...groups.flatMap((g) => g.values));
  const { top, ticks } = scale(max);
  const barsWidth = series.length * (BAR + GAP) - GAP;
  const groupWidth = Math.max(barsWidth + GROUP_GAP, Math.min(MAX_GROUP, MIN_PLOT / Math.max(groups.length, 1)));
  const width = LEFT + groups.length * groupWidth + 8;
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + plot - (v / top) * plot;
  const fill = (i: number) => `url(#${id}-s${i})`;

  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width={width}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          {series.map((s, i) => (
            <pattern key={s.key} id={`${id}-s${i}`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect className={`chart__fill chart__fill--${i}`} width="6" height="6" />
              {i === 1 && <path className="chart__mark" d="M-1,7 L7,-1 M-1,1 L1,-1 M5,7 L7,5" />}
              {i === 2 && <circle className="chart__dot" cx="3" cy="3" r="1.2" />}
            </pattern>
          ))}
        </defs>
        {ticks.map((tick) => (
          <g key={tick} className="chart__tick">
            <line x1={LEFT} x2={width - 4} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick)} dy="0.35em" textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {groups.map((g, gi) => {
          const x0 = LEFT + (groupWidth - barsWidth) / 2 + gi * groupWidth;
          return (
            <g key={g.label + gi}>
              {g.values.map((v, si) => (
                <rect
                  key={series[si]?.key ?? si}
                  className={`chart__bar chart__bar--${si}`}
                  x={x0 + si * (BAR + GAP)}
                  y={y(v)}
                  width={BAR}
                  height={Math.max(0, y(0) - y(v))}
                  fill={fill(si)}
                >
                  <title>{`${g.title} · ${series[si]?.label ?? ''}: ${v}`}</title>
                </rect>
              ))}
              <text className="chart__label" x={x0 + barsWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                {g.label}
              </text>
            </g>
          );
        })}
        <line className="chart__axis" x1={LEFT} x2={width - 4} y1={y(0)} y2={y(0)} />
      </svg>
      <figcaption className="chart__legend">
        {series.map((s, i) => (
          <span key={s.key} className="chart__key">
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <rect className={`chart__bar chart__bar--${i}`} width="14" height="14" fill={fill(i)} />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
