import { Button, Checkbox, Field, Text, Textarea, makeStyles } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { HeldDto, PlanDto } from '../../../electron/shared/dto';
import { ErrorMessage, Loading } from './messages';
import { SimpleTable } from './simple-table';
import { navigate } from '../routes';
import { useReasonText } from '../reasons';

const useStyles = makeStyles({ bar: { display: 'flex', gap: '8px', alignItems: 'end', margin: '8px 0', flexWrap: 'wrap' } });

/** Actions held for review: approve many at once, with a comment that goes into the history. */
export function HeldReview({ plan }: { readonly plan: PlanDto }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useQueryClient();
  const reason = useReasonText();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState('');
  const approve = useMutation({
    mutationFn: () => call('approveHeld', { planId: plan.planId, actionIds: [...chosen], comment }),
    onSuccess: (run) => {
      void client.invalidateQueries();
      navigate('history', run.runId);
    },
  });
  if (plan.held.length === 0) return <Text>{t('preview.noHeld')}</Text>;
  const byId = new Map(plan.held.map((h) => [h.actionId, h]));
  // "Waits for" names the held action it waits for by its kind, person and account, not by its id.
  const why = (h: HeldDto): string => {
    const first = h.waitsFor === null ? undefined : byId.get(h.waitsFor);
    return first ? t('held.waitsFor', { action: t(`kind.${first.action}`, first.action), name: first.personName, account: first.accountName }) : reason(h.reason);
  };
  const toggle = (id: string): void => setChosen((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  return (
    <section>
      <Text block>{plan.reviewMode === 'all-or-nothing' ? t('held.allOrNothing') : t('held.overLimit')}</Text>
      <div className={styles.bar}>
        <Checkbox label={t('preview.selectAll')} checked={chosen.size === plan.held.length} onChange={(_, d) => setChosen(d.checked === true ? new Set(plan.held.map((h) => h.actionId)) : new Set())} />
        <Field label={t('held.comment')} style={{ flex: 1, minWidth: 260 }}>
          <Textarea value={comment} onChange={(_, d) => setComment(d.value)} rows={1} resize="vertical" />
        </Field>
        <Button appearance="primary" disabled={chosen.size === 0 || comment.trim() === '' || approve.isPending} onClick={() => approve.mutate()}>
          {t('held.approve', { count: chosen.size })}
        </Button>
      </div>
      {approve.isPending && <Loading label={t('preview.applying')} />}
      {approve.error && <ErrorMessage error={approve.error} />}
      <SimpleTable
        label={t('preview.tabHeld')}
        headers={['', t('preview.col.target'), t('preview.col.action'), t('preview.col.person'), t('preview.col.account'), t('held.reason')]}
        rows={plan.held}
        rowKey={(h) => h.actionId}
        cells={(h) => [
          <Checkbox key="c" checked={chosen.has(h.actionId)} onChange={() => toggle(h.actionId)} aria-label={t('held.select', { name: h.personName, action: t(`kind.${h.action}`, h.action) })} />,
          t(`target.${h.target}`), t(`kind.${h.action}`, h.action), h.personName, h.accountName, why(h),
        ]}
      />
    </section>
  );
}
