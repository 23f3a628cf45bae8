import { Button, Card, CardHeader, Text, Title2 } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { navigate } from '../routes';
import { ErrorMessage } from './messages';

/** First start: offer the built-in demo data, or the connection settings. */
export function FirstRun({ demoAvailable }: { readonly demoAvailable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const demo = useMutation({
    mutationFn: () => call('useDemoData', {}),
    onSuccess: () => void client.invalidateQueries(),
  });
  return (
    <Card>
      <CardHeader header={<Title2 block as="h2">{t('firstRun.title')}</Title2>} />
      <Text>{t('firstRun.body')}</Text>
      <div style={{ display: 'flex', gap: 8 }}>
        {demoAvailable && (
          <Button appearance="primary" onClick={() => demo.mutate()} disabled={demo.isPending}>
            {demo.isPending ? t('firstRun.demoBusy') : t('firstRun.demo')}
          </Button>
        )}
        <Button onClick={() => navigate('settings')}>{t('firstRun.connect')}</Button>
      </div>
      {!demoAvailable && <Text size={200}>{t('firstRun.noDemo')}</Text>}
      {demo.error && <ErrorMessage error={demo.error} />}
    </Card>
  );
}
