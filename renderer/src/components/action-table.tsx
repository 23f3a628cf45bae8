import { Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ActionDto, ActionFiltersDto } from '../../../electron/shared/dto';
import { useReasonText } from '../reasons';

/**
 * The plan as a table, rendered with Fluent's look: TanStack Virtual renders only the rows in view, so
 * a plan of 35,000 actions scrolls as one of 35, with no 500-row cap; the rows come a page at a time
 * from the application API (filtered and searched there), only the pages in view.
 */

const ROW_HEIGHT = 34;
// Rows in view plus overscan fit in this many slots; a row's key is its slot.
const SLOTS = 256;
const COLUMNS = '36px 70px 132px minmax(120px, 1.2fr) minmax(90px, 0.8fr) minmax(80px, 0.7fr) minmax(120px, 2fr)';

const useStyles = makeStyles({
  table: { overflowX: 'hidden', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, display: 'flex', flexDirection: 'column', minHeight: 0 },
  head: { display: 'grid', gridTemplateColumns: COLUMNS, fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '6px 0', alignItems: 'center' },
  // Containment: a new filter's rows are laid out and painted without the rest of the page.
  scroll: { overflowY: 'auto', position: 'relative', flex: 1, contain: 'strict' },
  row: {
    display: 'grid', gridTemplateColumns: COLUMNS, position: 'absolute', left: 0, right: 0, alignItems: 'center', cursor: 'pointer', contain: 'strict',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', padding: '0 6px' },
  // The look of Fluent's tint Badge (medium, circular), as plain classes: a Badge per row cost more
  // to render than the rest of the row, and a filter renders every row in view.
  kind: {
    display: 'inline-flex', boxSizing: 'border-box', alignItems: 'center', justifyContent: 'center', height: '20px', minWidth: '20px',
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`, borderRadius: tokens.borderRadiusCircular,
    fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase200,
  },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}` },
  danger: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}` },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorPaletteYellowForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}` },
  informative: { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  check: { width: '16px', height: '16px', margin: '0 0 0 4px', accentColor: tokens.colorBrandBackground, cursor: 'pointer', verticalAlign: 'middle' },
});

/** Filters of the table; '' means all. */
export type ActionFilters = ActionFiltersDto;

const ACTION_COLOR: Readonly<Record<string, 'success' | 'danger' | 'warning' | 'informative'>> = {
  create: 'success', enable: 'success', grant: 'success', disable: 'danger', delete: 'danger', revoke: 'warning', move: 'warning',
  'create-user': 'success', 'delete-user': 'danger',
};

/**
 * What one row needs; a row re-renders only when one of these changes (memo), not per keystroke. The
 * table passes its translation, reason text and classes down, so a row subscribes to nothing itself.
 */
interface RowProps {
  readonly action: ActionDto;
  readonly top: number;
  readonly selected: boolean;
  readonly active: boolean;
  readonly onToggle: (id: string) => void;
  readonly onOpen: (action: ActionDto) => void;
  readonly t: TFunction;
  readonly reason: (text: string) => string;
  readonly styles: ReturnType<typeof useStyles>;
}

// A native checkbox per row: a Fluent Checkbox costs several times more to render, and a filter
// re-renders every row in view. Rows are keyed by their slot in the view, so a new filter updates
// the DOM in place instead of rebuilding it.
const Row = memo(function Row({ action: a, top, selected, active, onToggle, onOpen, t, reason, styles }: RowProps) {
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') onOpen(a);
    if (event.key === ' ' && event.target === event.currentTarget) {
      event.preventDefault();
      onToggle(a.id);
    }
  };
  return (
    <div
      role="row"
      aria-selected={active}
      tabIndex={0}
      data-action-id={a.id}
      className={`${styles.row} ${active ? styles.selected : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      onClick={() => onOpen(a)}
      onKeyDown={onKey}
    >
      <span className={styles.cell} role="gridcell" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" className={styles.check} checked={selected} onChange={() => onToggle(a.id)} aria-label={t('preview.selectRow', { name: a.personName, action: t(`kind.${a.action}`, a.action) })} />
      </span>
      <span className={styles.cell} role="gridcell">{t(`target.${a.target}`)}</span>
      <span className={styles.cell} role="gridcell">
        <span className={mergeClasses(styles.kind, styles[ACTION_COLOR[a.action] ?? 'informative'])}>{t(`kind.${a.action}`, a.action)}</span>
        {a.held && <LockClosedRegular aria-label={t('preview.held')} />}
      </span>
      <span className={styles.cell} role="gridcell" title={a.personName}>{a.personName}</span>
      <span className={styles.cell} role="gridcell" title={a.account.name}>{a.account.name}</span>
      <span className={styles.cell} role="gridcell" title={a.orgUnit}>{a.orgUnit}</span>
      <span className={styles.cell} role="gridcell" title={a.reasons.map(reason).join('\n')}>{reason(a.reasons[0] ?? '')}</span>
    </div>
  );
});

/** The header row; memoised, as it changes with "select all", not with the rows. */
const Head = memo(function Head({ allOn, onToggleAll }: { readonly allOn: boolean; readonly onToggleAll: (on: boolean) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.head} role="row">
      <span className={styles.cell} role="columnheader">
        <Checkbox checked={allOn} onChange={(_, d) => onToggleAll(d.checked === true)} aria-label={t('preview.selectAll')} />
      </span>
      {(['target', 'action', 'person', 'account', 'orgUnit', 'reason'] as const).map((c) => (
        <span key={c} className={styles.cell} role="columnheader">{t(`preview.col.${c}`)}</span>
      ))}
    </div>
  );
});

/** The virtualised table over rows it reads by index (a page at a time, see useActionPages). */
export function ActionTable(props: {
  /** How many rows pass the filters. */
  readonly count: number;
  /** Row `index`, or undefined while its page is on its way. */
  readonly rowAt: (index: number) => ActionDto | undefined;
  /** Told which rows are in view, so their pages can be read. */
  readonly onRange: (first: number, last: number) => void;
  /** Changes with the filters: the table scrolls back to the top. */
  readonly resetKey: string;
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  readonly allOn: boolean;
  readonly onToggleAll: (on: boolean) => void;
  readonly active: string | null;
  readonly onOpen: (action: ActionDto) => void;
  readonly height: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reason = useReasonText();
  const scrollRef = useRef<HTMLDivElement>(null);
  // A few rows beyond the window: enough to scroll smoothly, few enough that a filter renders little more than the window.
  const virtualizer = useVirtualizer({ count: props.count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onRange, resetKey } = props;
  useEffect(() => onRange(first, last), [onRange, first, last]);
  useEffect(() => {
    // Only when scrolled: scrolling the element forces a layout inside the input event that changed the filter.
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);
  return (
    <div className={styles.table} role="grid" aria-rowcount={props.count} aria-label={t('preview.tableLabel')} style={{ height: props.height }}>
      <Head allOn={props.allOn} onToggleAll={props.onToggleAll} />
      <div ref={scrollRef} className={styles.scroll}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const a = props.rowAt(item.index);
            if (!a) {
              return <div key={item.index % SLOTS} role="row" aria-busy className={styles.row} style={{ top: item.start, height: ROW_HEIGHT }}><span className={styles.cell}>…</span></div>;
            }
            return (
              <Row
                key={item.index % SLOTS} action={a} top={item.start} selected={props.selected.has(a.id)} active={props.active === a.id}
                onToggle={props.onToggle} onOpen={props.onOpen} t={t} reason={reason} styles={styles}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
