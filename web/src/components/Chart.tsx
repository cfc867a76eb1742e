// Small charts drawn as inline SVG (no chart library): a line chart of one or more series over
// time and a horizontal bar chart of labelled counts. Accessible: each chart has a title and the
// figures are also given as text by the page that shows it.
// The drawing is laid out in CSS pixels at the width it is shown (measured), never scaled down: a
// 600-unit viewBox squeezed into a 340 px phone column drew 11-unit labels ~6 px high; now text
// keeps its size (≥ 11 px) and only the plot narrows.
import { Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

export interface Series {
  label: string;
  color: string;
  values: number[];
}

/** The widest a chart is drawn (px); narrower containers get a narrower drawing, same text size. */
const MAX_W = 600;
const H = 200;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };
/** Below this width (px) a bar chart puts each label above its bar instead of beside it. */
const BAR_STACK_BELOW = 480;
/** The smallest drawing width (px): the labels at both ends of the time axis still fit. */
const MIN_W = 240;

/** The width to draw at: the container's, within [MIN_W, MAX_W]; MAX_W until it has been measured. */
function useDrawWidth() {
  const { ref, width } = useElementSize<HTMLDivElement>();
  const w = width > 0 ? Math.round(Math.min(MAX_W, Math.max(MIN_W, width))) : MAX_W;
  return { ref, w };
}

/** A horizontal reference line (a policy threshold), dashed, named in the legend. */
export interface Threshold {
  label: string;
  color: string;
  value: number;
}

/**
 * Lines over time: `times` are the x positions (ISO instants), every series has one value per time.
 * `days`: the x labels are dates, not times of day; `thresholds`: dashed lines the values are read
 * against; `formatValue`: how the y axis writes its top value (a rate as a percentage).
 */
export function LineChart(props: {
  title: string;
  times: string[];
  series: Series[];
  language: string;
  testId?: string;
  days?: boolean;
  thresholds?: Threshold[];
  formatValue?: (v: number) => string;
}) {
  const { times, series } = props;
  // W: this drawing's width in px (user units are px: the text is never scaled).
  const { ref, w: W } = useDrawWidth();
  const thresholds = props.thresholds ?? [];
  const top = Math.max(...series.flatMap((s) => s.values), ...thresholds.map((th) => th.value));
  const max = props.formatValue ? (top > 0 ? top : 1) : Math.max(1, top);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (times.length <= 1 ? innerW / 2 : (i * innerW) / (times.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const locale = props.language === 'ro' ? 'ro-RO' : 'en-GB';
  const label = (iso: string | undefined) =>
    !iso
      ? ''
      : props.days
        ? new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
        : new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <div data-testid={props.testId} ref={ref} style={{ maxWidth: MAX_W }}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={props.title} style={{ display: 'block' }}>
        <title>{props.title}</title>
        <line x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} stroke="#adb5bd" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} stroke="#adb5bd" />
        <text x={PAD.left - 6} y={PAD.top + 4} fontSize="11" textAnchor="end" fill="#868e96">
          {props.formatValue ? props.formatValue(max) : max}
        </text>
        {thresholds.map((th) => (
          <line
            key={th.label}
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(th.value)}
            y2={y(th.value)}
            stroke={th.color}
            strokeDasharray="4 3"
            data-threshold={th.value}
          />
        ))}
        <text x={PAD.left - 6} y={PAD.top + innerH} fontSize="11" textAnchor="end" fill="#868e96">
          0
        </text>
        <text x={PAD.left} y={H - 8} fontSize="11" fill="#868e96">
          {label(times[0])}
        </text>
        <text x={W - PAD.right} y={H - 8} fontSize="11" textAnchor="end" fill="#868e96">
          {label(times[times.length - 1])}
        </text>
        {series.map((s) =>
          s.values.length === 1 ? (
            <circle key={s.label} cx={x(0)} cy={y(s.values[0]!)} r={3} fill={s.color} />
          ) : (
            <polyline
              key={s.label}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
            />
          ),
        )}
      </svg>
      <Legend series={[...series, ...thresholds.map((th) => ({ label: th.label, color: th.color, values: [] }))]} />
    </div>
  );
}

/** Horizontal bars, one per labelled count. */
export function BarChart(props: { title: string; bars: { label: string; value: number; color: string }[]; testId?: string }) {
  // W: this drawing's width in px (user units are px: the text is never scaled).
  const { ref, w: W } = useDrawWidth();
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  // Narrow: the label on its own line above the bar, the bar the full width.
  const stacked = W < BAR_STACK_BELOW;
  const row = stacked ? 40 : 24;
  const labelW = stacked ? 0 : 200;
  const barTop = stacked ? 20 : 4;
  const h = props.bars.length * row + 4;
  return (
    <div ref={ref} style={{ maxWidth: MAX_W }}>
      <svg
        data-testid={props.testId}
        viewBox={`0 0 ${W} ${h}`}
        width={W}
        height={h}
        role="img"
        aria-label={props.title}
        style={{ display: 'block' }}
      >
        <title>{props.title}</title>
        {props.bars.map((b, i) => {
          const w = ((W - labelW - 60) * b.value) / max;
          return (
            <g key={b.label} transform={`translate(0, ${i * row})`}>
              <text
                x={stacked ? 0 : labelW - 8}
                y={stacked ? 14 : 16}
                fontSize="12"
                textAnchor={stacked ? 'start' : 'end'}
                fill="#495057"
              >
                {b.label}
              </text>
              <rect x={labelW} y={barTop} width={Math.max(w, b.value > 0 ? 2 : 0)} height={16} fill={b.color} rx={2} />
              <text x={labelW + w + 6} y={barTop + 12} fontSize="12" fill="#495057">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function Legend(props: { series: Series[] }) {
  return (
    <Group gap="md">
      {props.series.map((s) => (
        <Group key={s.label} gap={4}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" fill={s.color} rx={2} />
          </svg>
          <Text size="xs">{s.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
