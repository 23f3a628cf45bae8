import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PlanDto } from '../../../electron/shared/dto';
import { SimpleTable } from './simple-table';
import { navigate } from '../routes';

/**
 * Persons held because their HR data is in doubt (fail-safe): nothing destructive, and nothing the
 * doubt could change, is done for them until HR corrects the row and cell named. Not the same as
 * actions held for review, which wait for approval.
 */
export function HeldPersons({ plan }: { readonly plan: PlanDto }) {
  const { t } = useTranslation();
  if (plan.heldPersons.length === 0) return <Text>{t('preview.noHeldPersons')}</Text>;
  return (
    <section>
      <Text block style={{ margin: '8px 0' }}>{t('heldPersons.intro')}</Text>
      <SimpleTable
        label={t('preview.tabHeldPersons', { count: plan.heldPersons.length })}
        headers={[t('heldPersons.person'), t('heldPersons.target'), t('heldPersons.accounts'), t('heldPersons.reason')]}
        rows={plan.heldPersons}
        rowKey={(h) => `${h.target}:${h.personId}`}
        onOpen={(h) => navigate('person', h.personId)}
        cells={(h) => [h.employeeIds.join(', '), t(`target.${h.target}`), h.accounts.join('; ') || '–', h.reason]}
      />
    </section>
  );
}
