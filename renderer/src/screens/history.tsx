import { Badge, Button, Text, Title2, Subtitle1 } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowLeftRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ErrorMessage, Loading } from '../components/messages';
import { SimpleTable } from '../components/simple-table';
import { HeldPersons } from '../components/held-persons';
import type { RunSummaryDto } from '../../../electron/shared/dto';
import { RunCounts } from './overview';
import { formatDate, formatDateTime, formatDuration } from '../format';
import { navigate } from '../routes';

function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** What a run added to and removed from the entitlement ledger, per target: "AD +3 −1". */
function useLedgerText(): (run: RunSummaryDto) => string {
  const { t } = useTranslation();
  return (run) => run.ledger.map((c) => t('history.ledgerCount', { target: t(`target.${c.target}`), added: c.added, removed: c.removed })).join(', ') || t('history.ledgerNone');
}

/** The outcome counts, and a warning badge when persons were held for doubtful HR data. */
function RunOutcomes({ run }: { readonly run: RunSummaryDto }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
      <RunCounts run={run} />
      {run.heldPersons > 0 && <Badge appearance="tint" color="warning">{t('history.heldPersonsBadge', { count: run.heldPersons })}</Badge>}
    </span>
  );
}

function RunView({ runId }: { readonly runId: string }) {
  const { t } = useTranslation();
  const run = useQuery({ queryKey: ['run', runId], queryFn: () => call('run', { runId }) });
  const csv = useMutation({ mutationFn: () => call('exportRunCsv', { runId }), onSuccess: (file) => download(file.fileName, file.content) });
  const client = useQueryClient();
  const ledgerText = useLedgerText();
  const undo = useMutation({
    mutationFn: () => call('undoRun', { runId }),
    onSuccess: (plan) => {
      client.setQueryData(['plan'], plan);
      navigate('preview');
    },
  });
  if (run.isPending) return <Loading label={t('common.loading')} />;
  if (run.error) return <ErrorMessage error={run.error} />;
  const r = run.data;
  return (
    <section aria-labelledby="run-title">
      <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => navigate('history')}>{t('history.back')}</Button>
      <Title2 block as="h2" id="run-title">{t('history.runTitle', { time: formatDateTime(r.startedAt) })}</Title2>
      <Text block>{t('history.runLine', { trigger: t(`trigger.${r.trigger}`), status: t(`runStatus.${r.status}`), duration: formatDuration(r.durationMs), asOf: formatDate(r.asOf) })}</Text>
      <RunOutcomes run={r} />
      <Text block>{t('history.ledgerLine', { changes: ledgerText(r) })}</Text>
      {r.error && <ErrorMessage error={new Error(r.error)} />}
      <div style={{ display: 'flex', gap: 8, margin: '12px 0' }}>
        <Button icon={<ArrowDownloadRegular />} onClick={() => csv.mutate()}>{t('history.exportCsv')}</Button>
        <Button disabled={undo.isPending} onClick={() => undo.mutate()}>{t('history.undo')}</Button>
      </div>
      {csv.error && <ErrorMessage error={csv.error} />}
      {undo.isPending && <Loading label={t('history.undoing')} />}
      {undo.error && <ErrorMessage error={undo.error} />}
      <Subtitle1 block as="h3">{t('history.actions', { count: r.actions.length })}</Subtitle1>
      <SimpleTable
        label={t('history.actionsLabel')}
        headers={[t('preview.col.target'), t('preview.col.action'), t('preview.col.person'), t('preview.col.account'), t('history.outcome'), t('history.error')]}
        rows={r.actions}
        rowKey={(a) => a.action.id}
        cells={(a) => [
          t(`target.${a.action.target}`), t(`kind.${a.action.action}`, a.action.action), a.action.personName, a.action.account.name,
          <Badge key="o" appearance="tint" color={a.outcome === 'failed' || a.outcome === 'blocked' ? 'danger' : a.outcome === null ? 'subtle' : 'success'}>{a.outcome ? t(`outcome.${a.outcome}`) : t('history.notRun')}</Badge>,
          a.error ?? '',
        ]}
      />
      {r.held.length > 0 && (
        <>
          <Subtitle1 block as="h3">{t('history.heldPersons', { count: r.held.length })}</Subtitle1>
          <HeldPersons held={r.held} />
        </>
      )}
    </section>
  );
}

/** History: what happened? */
export function HistoryScreen({ runId }: { readonly runId: string | null }) {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: ['history'], queryFn: () => call('history', {}), enabled: runId === null });
  const ledgerText = useLedgerText();
  if (runId) return <RunView runId={runId} />;
  return (
    <section aria-labelledby="history-title">
      <Title2 block as="h2" id="history-title">{t('nav.history')}</Title2>
      {history.isPending && <Loading label={t('common.loading')} />}
      {history.error && <ErrorMessage error={history.error} />}
      {history.data && history.data.runs.length === 0 && <Text block>{t('overview.noRuns')}</Text>}
      {history.data && history.data.runs.length > 0 && (
        <SimpleTable
          label={t('history.runsLabel')}
          headers={[t('history.started'), t('history.trigger'), t('history.duration'), t('history.status'), t('history.counts'), t('history.ledger')]}
          rows={history.data.runs}
          rowKey={(r) => r.runId}
          onOpen={(r) => navigate('history', r.runId)}
          cells={(r) => [formatDateTime(r.startedAt), t(`trigger.${r.trigger}`), formatDuration(r.durationMs), t(`runStatus.${r.status}`), <RunOutcomes key="c" run={r} />, ledgerText(r)]}
        />
      )}
      {history.data?.problems.map((p) => <Text block key={p}>{p}</Text>)}
    </section>
  );
}
