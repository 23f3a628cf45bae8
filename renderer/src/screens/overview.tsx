import { Badge, Button, Card, CardHeader, Text, Title2, Subtitle1, makeStyles } from '@fluentui/react-components';
import { ArrowSyncRegular, CheckmarkCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { RunSummaryDto, StatusDto } from '../../../electron/shared/dto';
import { ErrorMessage, Loading } from '../components/messages';
import { FirstRun } from '../components/first-run';
import { RunsChart } from '../components/runs-chart';
import { formatDateTime, formatDuration } from '../format';
import { navigate } from '../routes';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: '16px', marginTop: '16px' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '16px' },
  counts: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: '20px', display: 'grid', gap: '4px' },
});

/** Outcome counts of a run as badges with words, so colour is not the only signal. */
export function RunCounts({ run }: { readonly run: RunSummaryDto }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const shown = (['created', 'updated', 'unchanged', 'failed', 'skipped', 'blocked'] as const).filter((k) => run.counts[k] > 0);
  if (shown.length === 0) return <Text>{t('overview.nothingDone')}</Text>;
  return (
    <span className={styles.counts}>
      {shown.map((k) => (
        <Badge key={k} appearance="tint" color={k === 'failed' || k === 'blocked' ? 'danger' : k === 'created' ? 'success' : 'informative'}>
          {t(`outcome.${k}`)}: {run.counts[k]}
        </Badge>
      ))}
    </span>
  );
}

function Attention({ status }: { readonly status: StatusDto }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { attention } = status;
  const items: { key: string; text: string; go: () => void }[] = [];
  if (attention.failedActions > 0) items.push({ key: 'failed', text: t('overview.attentionFailed', { count: attention.failedActions }), go: () => navigate('history', status.lastRun?.runId ?? null) });
  if (attention.guardStop) items.push({ key: 'guard', text: t('overview.attentionGuard'), go: () => navigate('preview') });
  if (attention.heldActions > 0) items.push({ key: 'held', text: t('overview.attentionHeld', { count: attention.heldActions }), go: () => navigate('preview', 'held') });
  if (attention.heldPersons > 0) items.push({ key: 'heldPersons', text: t('overview.attentionHeldPersons', { count: attention.heldPersons }), go: () => (attention.heldPersonsIn === 'plan' ? navigate('preview', 'heldPersons') : navigate('history', status.lastRun?.runId ?? null)) });
  for (const severity of ['error', 'warning'] as const) {
    if (attention.findings[severity] > 0) items.push({ key: severity, text: t(`overview.attentionFindings_${severity}`, { count: attention.findings[severity] }), go: () => navigate('preview', 'findings') });
  }
  if ((attention.leaversThisWeek ?? 0) > 0) items.push({ key: 'leavers', text: t('overview.attentionLeavers', { count: attention.leaversThisWeek ?? 0 }), go: () => navigate('leavers') });
  if (items.length === 0) {
    return <Text><CheckmarkCircleRegular /> {t('overview.allFine')}</Text>;
  }
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item.key}>
          <WarningRegular /> <Button appearance="transparent" onClick={item.go}>{item.text}</Button>
        </li>
      ))}
    </ul>
  );
}

/** Overview: is everything fine? */
export function OverviewScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['status'], queryFn: () => call('status', {}) });
  const sync = useMutation({
    mutationFn: () => call('syncNow', {}),
    onSettled: () => void client.invalidateQueries(),
  });
  if (status.isPending) return <Loading label={t('common.loading')} />;
  if (status.error) return <ErrorMessage error={status.error} />;
  const s = status.data;
  const last = s.lastRun;
  return (
    <section aria-labelledby="overview-title">
      <div className={styles.header}>
        <Title2 block as="h2" id="overview-title">{t('nav.overview')}</Title2>
        {s.configured && (
          <Button appearance="primary" icon={<ArrowSyncRegular />} onClick={() => sync.mutate()} disabled={sync.isPending || s.syncing}>
            {sync.isPending || s.syncing ? t('overview.syncing') : t('overview.syncNow')}
          </Button>
        )}
      </div>
      {sync.error && <ErrorMessage error={sync.error} />}
      {sync.data && <Text role="status">{t('overview.syncDone', { time: formatDateTime(sync.data.finishedAt) })}</Text>}
      {!s.configured ? (
        <div style={{ marginTop: 16 }}><FirstRun demoAvailable={s.demoAvailable} /></div>
      ) : (
        <div className={styles.grid}>
          <Card>
            <CardHeader header={<Subtitle1 block as="h3">{t('overview.lastRun')}</Subtitle1>} />
            {last ? (
              <>
                <Text>{t('overview.lastRunLine', { time: formatDateTime(last.startedAt), trigger: t(`trigger.${last.trigger}`), status: t(`runStatus.${last.status}`), duration: formatDuration(last.durationMs) })}</Text>
                <RunCounts run={last} />
                {last.error && <Text>{last.error}</Text>}
              </>
            ) : (
              <Text>{t('overview.noRuns')}</Text>
            )}
            <Text>{s.schedulePaused ? t('overview.schedulePaused') : t('overview.nextRun', { time: s.nextRun ? formatDateTime(s.nextRun) : t('overview.noSchedule') })}</Text>
          </Card>
          <Card>
            <CardHeader header={<Subtitle1 block as="h3">{t('overview.attention')}</Subtitle1>} />
            <Attention status={s} />
          </Card>
          <Card>
            <CardHeader header={<Subtitle1 block as="h3">{t('overview.recentRuns')}</Subtitle1>} />
            {s.recentRuns.length > 0 ? <RunsChart runs={s.recentRuns} /> : <Text>{t('overview.noRuns')}</Text>}
          </Card>
        </div>
      )}
    </section>
  );
}
