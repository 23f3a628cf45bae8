import { Badge, Button, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, PersonRegular } from '@fluentui/react-icons';
import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDto, AttributeValue } from '../../../electron/shared/dto';
import { navigate } from '../routes';
import { useReasonText } from '../reasons';

const useStyles = makeStyles({
  pane: { backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '12px 16px', overflowY: 'auto', overflowX: 'hidden', display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: '10px', alignContent: 'start', minWidth: 0, overflowWrap: 'anywhere' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: '8px' },
  diff: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200, '& td, & th': { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: '3px 4px', verticalAlign: 'top', textAlign: 'left', wordBreak: 'break-word' } },
  removed: { color: tokens.colorPaletteRedForeground1, textDecorationLine: 'line-through' },
  added: { color: tokens.colorPaletteGreenForeground1 },
  reasons: { margin: 0, paddingLeft: '20px' },
});

function show(value: AttributeValue): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/**
 * The detail pane of one action: reasons, the HR change behind it, before/after per attribute,
 * dependencies. Esc closes it. Memoised: new rows in the table beside it do not render it again.
 */
export const ActionDetail = memo(function ActionDetail({ action, onClose, height }: { readonly action: ActionDto; readonly onClose: () => void; readonly height: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reason = useReasonText();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className={styles.pane} aria-label={t('detail.label')} style={{ maxHeight: height }}>
      <div className={styles.header}>
        <div>
          <Title3 as="h3">{action.personName}</Title3>
          <div>
            <Badge appearance="outline">{t(`target.${action.target}`)}</Badge>{' '}
            <Badge appearance="filled">{t(`kind.${action.action}`, action.action)}</Badge>{' '}
            {action.held && <Badge color="warning">{t('preview.held')}</Badge>}
          </div>
        </div>
        <Button appearance="subtle" icon={<DismissRegular />} onClick={onClose} aria-label={t('detail.close')} />
      </div>
      <Text size={200}>{action.account.path}</Text>
      <section>
        <Text weight="semibold">{t('detail.why')}</Text>
        <ol className={styles.reasons}>
          {action.reasons.map((r) => <li key={r}>{reason(r)}</li>)}
        </ol>
      </section>
      <section>
        <Text weight="semibold">{t('detail.hrChanges')}</Text>
        {action.hrChanges.length > 0
          ? <ul className={styles.reasons}>{action.hrChanges.map((c) => <li key={c}>{reason(c)}</li>)}</ul>
          : <Text block size={200}>{t('detail.noHrChanges')}</Text>}
      </section>
      {action.entitlement && <Text>{t('detail.entitlement', { group: action.entitlement })}</Text>}
      {action.changes.length > 0 && (
        <section>
          <Text weight="semibold">{t('detail.changes')}</Text>
          <table className={styles.diff}>
            <thead><tr><th>{t('detail.attribute')}</th><th>{t('detail.before')}</th><th>{t('detail.after')}</th></tr></thead>
            <tbody>
              {action.changes.map((c) => (
                <tr key={c.attribute}>
                  <td>{c.attribute}</td>
                  <td className={styles.removed}>{c.before !== null && <><span aria-hidden>− </span>{show(c.before)}</>}</td>
                  <td className={styles.added}>{c.after !== null && <><span aria-hidden>+ </span>{show(c.after)}</>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {action.dependsOn.length > 0 && <Text size={200}>{t('detail.dependsOn', { ids: action.dependsOn.join(', ') })}</Text>}
      {action.personId !== null && (
        <Button icon={<PersonRegular />} onClick={() => navigate('person', action.personId)}>{t('detail.openPerson')}</Button>
      )}
    </aside>
  );
});
