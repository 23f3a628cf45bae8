import { Badge, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDto } from '../../../electron/shared/dto';

/**
 * The plan as a table, rendered with Fluent's look: TanStack Virtual renders only the rows in view, so
 * a plan of 35,000 actions scrolls as one of 35, with no page size and no 500-row cap.
 */

const ROW_HEIGHT = 34;
const COLUMNS = '36px 70px 132px minmax(120px, 1.2fr) minmax(90px, 0.8fr) minmax(80px, 0.7fr) minmax(120px, 2fr)';

const useStyles = makeStyles({
  table: { overflowX: 'hidden', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, display: 'flex', flexDirection: 'column', minHeight: 0 },
  head: { display: 'grid', gridTemplateColumns: COLUMNS, fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '6px 0', alignItems: 'center' },
  scroll: { overflowY: 'auto', position: 'relative', flex: 1 },
  row: {
    display: 'grid', gridTemplateColumns: COLUMNS, position: 'absolute', left: 0, right: 0, alignItems: 'center', cursor: 'pointer',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', padding: '0 6px' },
});

/** Filters of the table; '' means all. */
export interface ActionFilters {
  readonly target: string;
  readonly action: string;
  readonly orgUnit: string;
  readonly status: '' | 'ready' | 'held';
  readonly search: string;
}

const ACTION_COLOR: Readonly<Record<string, 'success' | 'danger' | 'warning' | 'informative'>> = {
  create: 'success', enable: 'success', grant: 'success', disable: 'danger', delete: 'danger', revoke: 'warning', move: 'warning',
  'create-user': 'success', 'delete-user': 'danger',
};

/** What the search box matches: the person's name, the account name and the person id, lower case. */
export function searchText(action: ActionDto): string {
  return `${action.personName} ${action.account.name} ${action.personId ?? ''}`.toLowerCase();
}

/** The actions that pass the filters, in plan order; `texts[i]` is {@link searchText} of `actions[i]`. */
export function filterActions(actions: readonly ActionDto[], texts: readonly string[], filters: ActionFilters): readonly ActionDto[] {
  const search = filters.search.trim().toLowerCase();
  return actions.filter((a, i) =>
    (filters.target === '' || a.target === filters.target)
    && (filters.action === '' || a.action === filters.action)
    && (filters.orgUnit === '' || a.orgUnit === filters.orgUnit)
    && (filters.status === '' || (a.held ? 'held' : 'ready') === filters.status)
    && (search === '' || (texts[i] ?? '').includes(search)));
}

/**
 * {@link filterActions} as a hook, the search texts computed once per plan: one plain pass over the
 * plan per change of a filter. (TanStack Table's row models did this before, but building them for
 * 35,000 rows took seconds on the development machines, and the table needs nothing else of them.)
 */
export function useFilteredActions(actions: readonly ActionDto[], filters: ActionFilters): readonly ActionDto[] {
  const texts = useMemo(() => actions.map(searchText), [actions]);
  return useMemo(() => filterActions(actions, texts, filters), [actions, texts, filters]);
}

/** The virtualised table. */
export function ActionTable(props: {
  readonly rows: readonly ActionDto[];
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  readonly onToggleAll: (on: boolean) => void;
  readonly active: string | null;
  readonly onOpen: (id: string) => void;
  readonly height: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const allOn = props.rows.length > 0 && props.rows.every((r) => props.selected.has(r.id));
  const onKey = (event: KeyboardEvent, id: string): void => {
    if (event.key === 'Enter') props.onOpen(id);
    if (event.key === ' ') {
      event.preventDefault();
      props.onToggle(id);
    }
  };
  return (
    <div className={styles.table} role="grid" aria-rowcount={props.rows.length} aria-label={t('preview.tableLabel')} style={{ height: props.height }}>
      <div className={styles.head} role="row">
        <span className={styles.cell} role="columnheader">
          <Checkbox checked={allOn} onChange={(_, d) => props.onToggleAll(d.checked === true)} aria-label={t('preview.selectAll')} />
        </span>
        {(['target', 'action', 'person', 'account', 'orgUnit', 'reason'] as const).map((c) => (
          <span key={c} className={styles.cell} role="columnheader">{t(`preview.col.${c}`)}</span>
        ))}
      </div>
      <div ref={scrollRef} className={styles.scroll}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = props.rows[item.index];
            if (!a) return null;
            return (
              <div
                key={a.id}
                role="row"
                aria-selected={props.active === a.id}
                tabIndex={0}
                data-action-id={a.id}
                className={`${styles.row} ${props.active === a.id ? styles.selected : ''}`}
                style={{ top: item.start, height: ROW_HEIGHT }}
                onClick={() => props.onOpen(a.id)}
                onKeyDown={(e) => onKey(e, a.id)}
              >
                <span className={styles.cell} role="gridcell" onClick={(e) => e.stopPropagation()}>
                  <Checkbox checked={props.selected.has(a.id)} onChange={() => props.onToggle(a.id)} aria-label={t('preview.selectRow', { name: a.personName, action: t(`kind.${a.action}`, a.action) })} />
                </span>
                <span className={styles.cell} role="gridcell">{t(`target.${a.target}`)}</span>
                <span className={styles.cell} role="gridcell">
                  <Badge appearance="tint" color={ACTION_COLOR[a.action] ?? 'informative'}>{t(`kind.${a.action}`, a.action)}</Badge>
                  {a.held && <LockClosedRegular aria-label={t('preview.held')} />}
                </span>
                <span className={styles.cell} role="gridcell" title={a.personName}>{a.personName}</span>
                <span className={styles.cell} role="gridcell" title={a.account.name}>{a.account.name}</span>
                <span className={styles.cell} role="gridcell" title={a.orgUnit}>{a.orgUnit}</span>
                <span className={styles.cell} role="gridcell" title={a.reasons.join('\n')}>{a.reasons[0] ?? ''}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
