/**
 * The bench's closing table: each figure beside its floor, the ratio and the goal, as a Markdown table that the
 * README's performance section copies (medians of the runs).
 */
import type { ApplyFigures } from './apply-bench';
import type { ExportFloorResult } from './export-floor';
import type { ImportOnceResult } from './import-once';
import type { PlanAloneFigures } from './plan-alone';
import type { PreviewFigures } from './preview-bench';
import { median, perSecond, seconds } from './stats';

/** Everything the table reads; sections that did not run are absent. */
export interface SummaryInput {
  readonly employees: number;
  readonly creates: number;
  readonly imports?: { readonly imports: readonly ImportOnceResult[]; readonly floors: readonly ExportFloorResult[] };
  readonly planning?: PlanAloneFigures;
  readonly preview?: PreviewFigures;
  readonly apply?: ApplyFigures;
}

type Row = readonly [what: string, measured: string, floor: string, ratio: string, goal: string, met: boolean];

function times(value: number, floor: number): string {
  return `${(value / floor).toFixed(2)}×`;
}

function importRows(input: SummaryInput): Row[] {
  if (!input.imports) return [];
  const { imports, floors } = input.imports;
  const importMs = median(imports.map((r) => r.wallMs));
  const rss = median(imports.map((r) => r.maxRssMb));
  const floorMs = median(floors.map((f) => f.wallMs));
  return [
    [`import, ${input.employees} employee records`, `${seconds(importMs)}`, `bare export client ${seconds(floorMs)}`, times(importMs, floorMs), '≤ 2×', importMs <= 2 * floorMs],
    ['import, peak RSS', `${rss.toFixed(0)} MB`, '', '', '< 300 MB', rss < 300],
  ];
}

function planningRows(planning: PlanAloneFigures | undefined): Row[] {
  if (!planning) return [];
  const planMs = median(planning.planMs);
  return [[`planning alone, ${planning.persons} persons × ${planning.accounts} accounts`, seconds(planMs), '', '', '< 1 s', planMs < 1000]];
}

function rows(input: SummaryInput): Row[] {
  const out: Row[] = [...importRows(input), ...planningRows(input.planning)];
  const p = input.preview;
  if (p) {
    const previewMs = median(p.runs.map((r) => r.totalMs));
    const pagedMs = median(p.rawPagedMs);
    const coldMs = median(p.cliColdMs);
    out.push(
      [`preview, ${p.persons} persons × ${p.loaded} accounts, no change`, seconds(previewMs), `bare paged search ${seconds(pagedMs)}`, times(previewMs, pagedMs), '≤ 1.2×', previewMs <= 1.2 * pagedMs],
      ['one-shot CLI preview (compiled JS, fresh process)', seconds(coldMs), `warm preview ${seconds(previewMs)}`, times(coldMs, previewMs), '≤ 1.15×', coldMs <= 1.15 * previewMs],
    );
  }
  const a = input.apply;
  if (a) {
    out.push([
      `apply, ${a.creates} creates`, perSecond(a.creates, a.applyMs), `bare add loop ${perSecond(a.rawCount, a.rawMs)}`,
      `${(a.ratio * 100).toFixed(1)} %`, '≥ 85 %', a.ratio >= 0.85,
    ]);
  }
  return out;
}

/** The table's lines: `| what | measured | floor | ratio | goal | met |`. */
export function summaryTable(input: SummaryInput): string[] {
  return [
    '| what | measured | floor | ratio | goal | met |',
    '|---|---|---|---|---|---|',
    ...rows(input).map(([what, measured, floor, ratio, goal, met]) => `| ${what} | ${measured} | ${floor} | ${ratio} | ${goal} | ${met ? 'yes' : 'NO'} |`),
  ];
}
