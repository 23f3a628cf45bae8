import { Text } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { SecretName } from '../../../electron/shared/settings';
import { ErrorMessage, Loading } from './messages';
import { SimpleTable } from './simple-table';
import { getIn } from '../screens/settings-form';
import type { Json } from '../screens/settings-form';

// Ask again only once typing pauses, not on every key.
const PAUSE_MS = 400;

function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * The naming preview of Settings: what the convention in the form (saved or not) makes of sample
 * names, from the same function as `cli naming --person`.
 */
export function NamingPreview({ config, secrets }: { readonly config: Json; readonly secrets: Partial<Record<SecretName, string>> }) {
  const { t } = useTranslation();
  // Only what naming depends on goes into the question, so other edits (a lifecycle day being typed)
  // neither ask again nor show their problems here.
  const policy = { naming: getIn(config, ['policy', 'naming']), templates: getIn(config, ['policy', 'templates']) };
  const naming = useSettled(JSON.stringify({ ad: getIn(config, ['ad']), policy, visma: getIn(config, ['visma']), timeZone: getIn(config, ['timeZone']) }));
  const preview = useQuery({
    queryKey: ['namingPreview', naming],
    queryFn: () => call('namingPreview', { config: JSON.parse(naming) as Record<string, unknown>, secrets }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <section aria-label={t('settings.namingPreview')}>
      <Text weight="semibold" block>{t('settings.namingPreview')}</Text>
      {preview.isPending && <Loading label={t('common.loading')} />}
      {preview.error && <ErrorMessage error={preview.error} />}
      {preview.data && !preview.error && (
        <SimpleTable
          label={t('settings.namingPreview')}
          headers={[t('settings.sample'), t('settings.usage'), t('settings.displayName'), t('settings.logonNames'), t('settings.mail')]}
          rows={preview.data}
          rowKey={(s) => s.name}
          cells={(s) => [s.name, s.convention, s.displayName, s.sAMAccountName.join(', '), s.mail]}
        />
      )}
    </section>
  );
}
