import {
  Badge, Button, Checkbox, Input, MessageBar, MessageBarActions, MessageBarBody, Select, Tab, TabList, Text, Title2, makeStyles,
} from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { ActionDto, PlanDto } from '../../../electron/shared/dto';
import { ActionTable } from '../components/action-table';
import { useActionPages } from '../components/action-pages';
import type { ActionFilters } from '../components/action-table';
import { ActionDetail } from '../components/action-detail';
import { ErrorMessage, Loading } from '../components/messages';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { navigate } from '../routes';
import { HeldReview } from '../components/held-review';
import { LookAhead } from '../components/look-ahead';
import { HeldPersons } from '../components/held-persons';
import { useReasonText } from '../reasons';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '12px', flexWrap: 'wrap' },
  summary: { display: 'flex', gap: '6px', flexWrap: 'wrap', margin: '8px 0' },
  filters: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end', margin: '8px 0' },
  body: { display: 'grid', gap: '12px', minHeight: 0 },
  withDetail: { gridTemplateColumns: 'minmax(0, 1fr) 380px' },
  buttons: { display: 'flex', gap: '8px' },
});

// The table fills the window below the title, summary, tabs and filters.
const TABLE_HEIGHT = 'calc(100vh - 290px)';

const NO_FILTERS: ActionFilters = { target: '', action: '', orgUnit: '', status: '', search: '' };

function Summary({ plan }: { readonly plan: PlanDto }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (plan.total === 0) return <Text role="status">{t('preview.nothingToDo')}</Text>;
  return (
    <div className={styles.summary} role="status">
      {plan.counts.map((c) => (
        <Badge key={`${c.target}:${c.action}`} appearance="tint" size="large">
          {t(`target.${c.target}`)} · {t(`kind.${c.action}`, c.action)}: {formatNumber(c.count)}
        </Badge>
      ))}
    </div>
  );
}

/** The guard's verdict and, for an undo plan, what it reverses and cannot reverse. */
function SafetyBanner({ plan }: { readonly plan: PlanDto }) {
  const { t } = useTranslation();
  return (
    <>
      {plan.guard && !plan.guard.passed && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <strong>{t('guard.stopped')}</strong> {plan.guard.summary}
            <ul>{plan.guard.problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.undoOf && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('undo.banner', { runId: plan.undoOf })}
            {plan.irreversible.length > 0 && <ul>{plan.irreversible.map((i) => <li key={i}>{i}</li>)}</ul>}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function ActionsTab({ plan }: { readonly plan: PlanDto }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useQueryClient();
  const [filters, setFilters] = useState<ActionFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<ActionDto | null>(null);
  // The filters "select all" chose every matching action for; any other change of the selection ends it.
  const [allFor, setAllFor] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'all' | 'selected' | null>(null);
  const [acceptDrop, setAcceptDrop] = useState(false);
  const stopped = plan.guard !== null && !plan.guard.passed;
  const search = useRef<HTMLInputElement>(null);
  const pages = useActionPages(plan.planId, filters);
  const filtersKey = JSON.stringify(filters);
  const options = plan.options;
  const apply = useMutation({
    mutationFn: (ids: readonly string[] | undefined) => call('apply', { planId: plan.planId, ...(ids ? { actionIds: [...ids] } : {}), ...(stopped && acceptDrop ? { acceptSourceDrop: true } : {}) }),
    onSuccess: (run) => {
      void client.invalidateQueries();
      navigate('history', run.runId);
    },
  });
  useEffect(() => {
    // `/` focuses the search box, as in GitHub and Gmail.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '/' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const set = (key: keyof ActionFilters) => (_: unknown, data: { value: string }) => setFilters((f) => ({ ...f, [key]: data.value }));
  const toggle = useCallback((id: string) => {
    setAllFor(null);
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  // The box shows the choice at once; the ids of every matching action follow from the API, and
  // are taken only if the choice still stands when they arrive.
  const allForNow = useRef<string | null>(null);
  allForNow.current = allFor;
  const selectAll = useMutation({
    mutationFn: (key: string) => call('planActionIds', { planId: plan.planId, filters }).then((ids) => ({ key, ids })),
    onSuccess: ({ key, ids }) => {
      if (allForNow.current === key) setSelected(new Set(ids));
    },
    onError: () => setAllFor(null),
  });
  const toggleAll = (on: boolean): void => {
    setAllFor(on ? filtersKey : null);
    if (on) selectAll.mutate(filtersKey);
    else setSelected(new Set());
  };
  const close = useCallback(() => setActive(null), []);
  const count = confirm === 'all' ? plan.total : selected.size;
  return (
    <>
      <div className={styles.filters}>
        <Input ref={search} contentBefore={<SearchRegular />} placeholder={t('preview.search')} aria-label={t('preview.search')} value={filters.search} onChange={set('search')} />
        <Select aria-label={t('preview.col.target')} value={filters.target} onChange={set('target')}>
          <option value="">{t('preview.allTargets')}</option>
          {options.targets.map((v) => <option key={v} value={v}>{t(`target.${v}`)}</option>)}
        </Select>
        <Select aria-label={t('preview.col.action')} value={filters.action} onChange={set('action')}>
          <option value="">{t('preview.allActions')}</option>
          {options.actions.map((v) => <option key={v} value={v}>{t(`kind.${v}`, v)}</option>)}
        </Select>
        <Select aria-label={t('preview.col.orgUnit')} value={filters.orgUnit} onChange={set('orgUnit')}>
          <option value="">{t('preview.allOrgUnits')}</option>
          {options.orgUnits.map((v) => <option key={v} value={v}>{v}</option>)}
        </Select>
        <Select aria-label={t('preview.status')} value={filters.status} onChange={set('status')}>
          <option value="">{t('preview.allStatus')}</option>
          <option value="ready">{t('preview.ready')}</option>
          <option value="held">{t('preview.held')}</option>
        </Select>
        <Text role="status">{pages.matching === null ? '' : t('preview.shown', { shown: formatNumber(pages.matching), total: formatNumber(plan.total) })}</Text>
        <span style={{ marginLeft: 'auto' }} className={styles.buttons}>
          <Button disabled={selected.size === 0 || apply.isPending} onClick={() => setConfirm('selected')}>{t('preview.applySelected', { count: selected.size })}</Button>
          <Button appearance="primary" disabled={plan.total === 0 || apply.isPending} onClick={() => setConfirm('all')}>{t('preview.applyAll')}</Button>
        </span>
      </div>
      {confirm && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('preview.confirm', { count })}
            {stopped && <Checkbox label={t('guard.accept')} checked={acceptDrop} onChange={(_, d) => setAcceptDrop(d.checked === true)} />}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => { apply.mutate(confirm === 'all' ? undefined : [...selected]); setConfirm(null); }}>{t('preview.confirmApply')}</Button>
            <Button onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {apply.isPending && <Loading label={t('preview.applying')} />}
      {apply.error && <ErrorMessage error={apply.error} />}
      {pages.error && <ErrorMessage error={pages.error} />}
      {selectAll.error && <ErrorMessage error={selectAll.error} />}
      <div className={`${styles.body} ${active ? styles.withDetail : ''}`}>
        <ActionTable
          count={pages.matching ?? 0} rowAt={pages.rowAt} onRange={pages.onRange} resetKey={filtersKey}
          selected={selected} onToggle={toggle} allOn={allFor === filtersKey} onToggleAll={toggleAll}
          active={active?.id ?? null} onOpen={setActive} height={TABLE_HEIGHT}
        />
        {active && <ActionDetail action={active} onClose={close} height={TABLE_HEIGHT} />}
      </div>
    </>
  );
}

function FindingsTab({ plan }: { readonly plan: PlanDto }) {
  const { t } = useTranslation();
  const reason = useReasonText();
  if (plan.findings.length === 0) return <Text>{t('preview.noFindings')}</Text>;
  return (
    <ul>
      {plan.findings.map((f, i) => <li key={i}><Badge appearance="outline" color={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'informative'}>{t(`severity.${f.severity}`)}</Badge> {reason(f.message)}</li>)}
    </ul>
  );
}

function UnmanagedTab({ plan }: { readonly plan: PlanDto }) {
  const { t } = useTranslation();
  if (plan.unmanaged.length === 0) return <Text>{t('preview.noUnmanaged')}</Text>;
  return (
    <ul>
      {plan.unmanaged.map((u) => <li key={u.dn}><strong>{u.sAMAccountName}</strong>: {u.reason}</li>)}
    </ul>
  );
}

const TABS = ['actions', 'held', 'heldPersons', 'lookAhead', 'findings', 'unmanaged'] as const;
type PreviewTab = (typeof TABS)[number];

/** Preview: what will happen and why? `tab` opens one tab (a link from the Overview). */
export function PreviewScreen({ tab: asked }: { readonly tab: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useQueryClient();
  const [tab, setTab] = useState<PreviewTab>(() => TABS.find((name) => name === asked) ?? 'actions');
  useEffect(() => {
    const known = TABS.find((name) => name === asked);
    if (known) setTab(known);
  }, [asked]);
  const plan = useQuery({ queryKey: ['plan'], queryFn: () => call('currentPlan', {}) });
  const preview = useMutation({
    mutationFn: () => call('preview', {}),
    onSuccess: (value) => {
      client.setQueryData(['plan'], value);
      void client.invalidateQueries({ queryKey: ['status'] });
    },
  });
  const p = plan.data;
  return (
    <section aria-labelledby="preview-title">
      <div className={styles.header}>
        <div>
          <Title2 block as="h2" id="preview-title">{t('nav.preview')}</Title2>
          {p && <Text block size={200}>{t('preview.asOf', { date: formatDate(p.asOf), made: formatDateTime(p.createdAt) })}</Text>}
        </div>
        <Button appearance={p ? 'secondary' : 'primary'} onClick={() => preview.mutate()} disabled={preview.isPending}>
          {p ? t('preview.refresh') : t('preview.make')}
        </Button>
      </div>
      {preview.isPending && <Loading label={t('preview.making')} />}
      {preview.error && <ErrorMessage error={preview.error} />}
      {plan.error && <ErrorMessage error={plan.error} />}
      {plan.isPending && <Loading label={t('common.loading')} />}
      {p === null && !preview.isPending && <Text>{t('preview.none')}</Text>}
      {p && (
        <>
          <Summary plan={p} />
          <SafetyBanner plan={p} />
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
            <Tab value="actions">{t('preview.tabActions', { count: p.total })}</Tab>
            <Tab value="held">{t('preview.tabHeldCount', { count: p.held.length })}</Tab>
            <Tab value="heldPersons">{t('preview.tabHeldPersons', { count: p.heldPersons.length })}</Tab>
            <Tab value="lookAhead">{t('preview.tabLookAhead')}</Tab>
            <Tab value="findings">{t('preview.tabFindings', { count: p.findings.length })}</Tab>
            <Tab value="unmanaged">{t('preview.tabUnmanaged', { count: p.unmanaged.length })}</Tab>
          </TabList>
          {tab === 'actions' && <ActionsTab plan={p} />}
          {tab === 'held' && <HeldReview plan={p} />}
          {tab === 'heldPersons' && <HeldPersons held={p.heldPersons} />}
          {tab === 'lookAhead' && <LookAhead />}
          {tab === 'findings' && <FindingsTab plan={p} />}
          {tab === 'unmanaged' && <UnmanagedTab plan={p} />}
        </>
      )}
    </section>
  );
}
