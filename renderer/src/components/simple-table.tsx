import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse', width: '100%', backgroundColor: tokens.colorNeutralBackground1,
    '& th, & td': { textAlign: 'left', padding: '6px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
    '& th': { fontWeight: tokens.fontWeightSemibold },
  },
  clickable: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

/** A plain table for short lists (runs, leavers, contracts); the Preview's long list is virtualised instead. */
export function SimpleTable<T>(props: {
  readonly label: string;
  readonly headers: readonly string[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly cells: (row: T) => readonly ReactNode[];
  readonly onOpen?: (row: T) => void;
}) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={props.label}>
      <thead><tr>{props.headers.map((h) => <th key={h}>{h}</th>)}</tr></thead>
      <tbody>
        {props.rows.map((row) => {
          const open = props.onOpen;
          return (
            <tr
              key={props.rowKey(row)}
              className={open ? styles.clickable : undefined}
              tabIndex={open ? 0 : undefined}
              onClick={open ? () => open(row) : undefined}
              onKeyDown={open ? (e) => { if (e.key === 'Enter') open(row); } : undefined}
            >
              {props.cells(row).map((cell, i) => <td key={i}>{cell}</td>)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
