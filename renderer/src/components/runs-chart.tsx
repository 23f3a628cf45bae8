import { tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RunSummaryDto } from '../../../electron/shared/dto';
import { formatDateTime } from '../format';

const SERIES = [
  { key: 'created', color: tokens.colorPaletteGreenBackground3 },
  { key: 'updated', color: tokens.colorBrandBackground },
  { key: 'unchanged', color: tokens.colorNeutralBackground5 },
  { key: 'failed', color: tokens.colorPaletteRedBackground3 },
] as const;

/**
 * The last 30 runs as stacked bars (created / updated / unchanged / failed). A few rectangles of SVG:
 * a chart library would be most of the renderer's size for one small picture. Each bar has a title
 * with its numbers, and the legend names every colour, so colour is never the only signal.
 */
export function RunsChart({ runs }: { readonly runs: readonly RunSummaryDto[] }) {
  const { t } = useTranslation();
  const height = 90;
  const barWidth = 14;
  const totals = runs.map((run) => SERIES.reduce((sum, s) => sum + run.counts[s.key], 0));
  const max = Math.max(1, ...totals);
  return (
    <figure style={{ margin: 0 }}>
      <svg width={runs.length * (barWidth + 4) + 4} height={height} role="img" aria-label={t('overview.chartLabel', { count: runs.length })}>
        {runs.map((run, i) => {
          let y = height;
          return (
            <g key={run.runId} transform={`translate(${4 + i * (barWidth + 4)},0)`}>
              <title>{`${formatDateTime(run.startedAt)}: ${SERIES.map((s) => `${t(`outcome.${s.key}`)} ${run.counts[s.key]}`).join(', ')}`}</title>
              {SERIES.map((s) => {
                const h = (run.counts[s.key] / max) * (height - 4);
                y -= h;
                return h > 0 ? <rect key={s.key} x={0} y={y} width={barWidth} height={h} fill={s.color} /> : null;
              })}
              {totals[i] === 0 && <rect x={0} y={height - 2} width={barWidth} height={2} fill={tokens.colorNeutralStroke1} />}
            </g>
          );
        })}
      </svg>
      <figcaption style={{ display: 'flex', gap: 12, fontSize: 12 }}>
        {SERIES.map((s) => (
          <span key={s.key}><span style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 4 }} />{t(`outcome.${s.key}`)}</span>
        ))}
      </figcaption>
    </figure>
  );
}
