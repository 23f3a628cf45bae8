import { Badge, Button, Text, Title2, Subtitle1 } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { LeaverDto } from '../../../electron/shared/dto';
import { ErrorMessage, Loading } from '../components/messages';
import { SimpleTable } from '../components/simple-table';
import { formatDate, formatDateTime, formatRelativeDays } from '../format';
import { navigate } from '../routes';

function Steps({ leaver }: { readonly leaver: LeaverDto }) {
  const { t } = useTranslation();
  if (leaver.steps.length === 0) return <Text>{t('leavers.noSteps')}</Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {leaver.steps.map((s, i) => (
        <li key={i}>
          {t(`target.${s.target}`)}: {t(`kind.${s.action}`, s.action)} — {s.outcome === 'planned' ? t('leavers.planned') : `${t(`outcome.${s.outcome}`)} ${formatDateTime(s.at)}`}
        </li>
      ))}
    </ul>
  );
}

/** Leavers: who leaves, and is it handled? */
export function LeaversScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const leavers = useQuery({ queryKey: ['leavers'], queryFn: () => call('leavers', {}) });
  const ack = useMutation({
    mutationFn: (personId: string) => call('acknowledgeLeaver', { personId }),
    onSuccess: (value) => client.setQueryData(['leavers'], value),
  });
  const table = (rows: readonly LeaverDto[], label: string) => (
    <SimpleTable
      label={label}
      headers={[t('leavers.name'), t('leavers.orgUnit'), t('leavers.manager'), t('leavers.lastDay'), t('leavers.done'), '']}
      rows={rows}
      rowKey={(l) => l.personId}
      cells={(l) => [
        <Button key="n" appearance="transparent" onClick={() => navigate('person', l.personId)}>{l.displayName}</Button>,
        l.orgUnit ?? '–',
        l.manager ?? '–',
        `${formatDate(l.lastDay)} (${formatRelativeDays(l.daysFromToday)})`,
        <Steps key="s" leaver={l} />,
        l.acknowledged
          ? <Badge key="a" appearance="tint" color="success">{t('leavers.acknowledged')}</Badge>
          : <Button key="a" size="small" onClick={() => ack.mutate(l.personId)}>{t('leavers.acknowledge')}</Button>,
      ]}
    />
  );
  return (
    <section aria-labelledby="leavers-title">
      <Title2 block as="h2" id="leavers-title">{t('nav.leavers')}</Title2>
      {leavers.isPending && <Loading label={t('leavers.reading')} />}
      {leavers.error && <ErrorMessage error={leavers.error} />}
      {ack.error && <ErrorMessage error={ack.error} />}
      {leavers.data && (
        <>
          <Subtitle1 block as="h3">{t('leavers.upcoming', { count: leavers.data.upcoming.length })}</Subtitle1>
          {leavers.data.upcoming.length > 0 ? table(leavers.data.upcoming, t('leavers.upcomingLabel')) : <Text block>{t('leavers.noneUpcoming')}</Text>}
          <Subtitle1 block as="h3" style={{ marginTop: 16, display: 'block' }}>{t('leavers.processed', { count: leavers.data.processed.length })}</Subtitle1>
          {leavers.data.processed.length > 0 ? table(leavers.data.processed, t('leavers.processedLabel')) : <Text block>{t('leavers.noneProcessed')}</Text>}
        </>
      )}
    </section>
  );
}
