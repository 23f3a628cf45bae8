import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { HeldPersonDto } from '../../../electron/shared/dto';
import { SimpleTable } from './simple-table';
import { navigate } from '../routes';
import { useReasonText } from '../reasons';

/**
 * Persons held because their HR data is in doubt (fail-safe): nothing destructive, and nothing the
 * doubt could change, is done for them until HR corrects the row and cell named. Not the same as
 * actions held for review, which wait for approval.
 */
export function HeldPersons({ held }: { readonly held: readonly HeldPersonDto[] }) {
  const { t } = useTranslation();
  const reason = useReasonText();
  if (held.length === 0) return <Text>{t('preview.noHeldPersons')}</Text>;
  return (
    <section>
      <Text block style={{ margin: '8px 0' }}>{t('heldPersons.intro')}</Text>
      <SimpleTable
        label={t('preview.tabHeldPersons', { count: held.length })}
        headers={[t('heldPersons.person'), t('heldPersons.target'), t('heldPersons.accounts'), t('heldPersons.reason')]}
        rows={held}
        rowKey={(h) => `${h.target}:${h.personId}`}
        onOpen={(h) => navigate('person', h.personId)}
        cells={(h) => [h.employeeIds.join(', '), t(`target.${h.target}`), h.accounts.join('; ') || '–', reason(h.reason)]}
      />
    </section>
  );
}
