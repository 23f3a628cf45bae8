import { Badge, Button, Card, CardHeader, Input, Text, Title2, Subtitle1, makeStyles } from '@fluentui/react-components';
import { CheckmarkRegular, SearchRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { TFunction } from 'i18next';
import type { ExplainedActionDto } from '../../../electron/shared/dto';
import { ErrorMessage, Loading } from '../components/messages';
import { useReasonText } from '../reasons';
import { SimpleTable } from '../components/simple-table';
import { formatDate, formatDateTime } from '../format';
import { navigate } from '../routes';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: '280px minmax(0, 1fr)', gap: '16px', marginTop: '12px' },
  results: { display: 'grid', gap: '2px', alignContent: 'start' },
  cards: { display: 'grid', gap: '12px' },
});

/** Why an action was (or will be) taken: its reasons, and the HR change behind it. */
function Why({ action }: { readonly action: ExplainedActionDto }) {
  const { t } = useTranslation();
  const reason = useReasonText();
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {action.reasons.map((r) => <li key={r}>{reason(r)}</li>)}
      {action.hrChanges.length > 0 && <li>{t('person.hrCause', { changes: action.hrChanges.map(reason).join('; ') })}</li>}
    </ul>
  );
}

function outcomeText(t: TFunction, action: ExplainedActionDto): string {
  switch (action.outcome) {
    case 'planned':
    case 'held for review':
    case 'not run':
      return t(`person.explainOutcome.${action.outcome}`);
    default:
      return t(`outcome.${action.outcome}`);
  }
}

/** The person's HR changes over time and every action, planned and taken, with why (`explain`). */
function Explained({ personId }: { readonly personId: string }) {
  const { t } = useTranslation();
  const explained = useQuery({ queryKey: ['explain', personId], queryFn: () => call('explainPerson', { personId }) });
  if (explained.isPending) return <Loading label={t('common.loading')} />;
  if (explained.error) return <ErrorMessage error={explained.error} />;
  const e = explained.data;
  const actions = [...e.planned, ...e.past];
  return (
    <>
      <Card>
        <CardHeader header={<Subtitle1 block as="h3">{t('person.actions')}</Subtitle1>} />
        {actions.length === 0 ? <Text>{t('person.noActions')}</Text> : (
          <SimpleTable
            label={t('person.actions')}
            headers={[t('person.when'), t('person.action'), t('preview.col.account'), t('person.outcome'), t('person.why')]}
            rows={actions}
            rowKey={(a) => `${a.runId ?? 'plan'}:${a.target}:${a.action}:${a.account}:${a.at}`}
            onOpen={(a) => (a.runId ? navigate('history', a.runId) : navigate('preview'))}
            cells={(a) => [
              formatDateTime(a.at),
              `${t(`target.${a.target}`)} · ${t(`kind.${a.action}`, a.action)}`,
              a.account,
              a.runId ? outcomeText(t, a) : <Badge appearance="tint" color={a.outcome === 'held for review' ? 'warning' : 'informative'}>{outcomeText(t, a)}</Badge>,
              <Why key="w" action={a} />,
            ]}
          />
        )}
      </Card>
      <Card>
        <CardHeader header={<Subtitle1 block as="h3">{t('person.hrHistory')}</Subtitle1>} />
        {e.hrHistory.length === 0 ? <Text>{t('person.noHrHistory')}</Text> : (
          <SimpleTable
            label={t('person.hrHistory')}
            headers={[t('person.when'), t('person.hrHistory')]}
            rows={[...e.hrHistory].reverse()}
            rowKey={(m) => m.takenAt}
            cells={(m) => [formatDate(m.asOf), <ul key="c" style={{ margin: 0, paddingLeft: 16 }}>{m.changes.map((c) => <li key={c}>{c}</li>)}</ul>]}
          />
        )}
      </Card>
    </>
  );
}

function PersonView({ personId }: { readonly personId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reason = useReasonText();
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => call('person', { personId }) });
  if (person.isPending) return <Loading label={t('common.loading')} />;
  if (person.error) return <ErrorMessage error={person.error} />;
  const p = person.data;
  return (
    <div className={styles.cards}>
      <Card>
        <CardHeader header={<Subtitle1 block as="h3">{p.displayName}</Subtitle1>} description={<Text>{t('person.ids', { ids: p.employeeIds.join(', ') })}</Text>} />
        <Text>{[p.function, p.orgUnit].filter(Boolean).join(' · ')}</Text>
        <Text>{t('person.birthDate')}: {formatDate(p.birthDate)} · {t('person.email')}: {p.businessEmail || '–'}</Text>
      </Card>
      <Card>
        <CardHeader header={<Subtitle1 block as="h3">{t('person.contracts')}</Subtitle1>} />
        <SimpleTable
          label={t('person.contracts')}
          headers={[t('person.contract'), t('person.period'), t('person.state'), t('leavers.orgUnit'), t('person.function'), t('leavers.manager')]}
          rows={p.contracts}
          rowKey={(c) => c.id}
          cells={(c) => [
            <>{c.id} {c.primary && <Badge appearance="tint">{t('person.primary')}</Badge>}</>,
            `${formatDate(c.startDate)} – ${c.endDate ? formatDate(c.endDate) : t('person.open')}`,
            <>{t(`contractState.${c.state}`)}{c.inCondition && <Text block size={200}><CheckmarkRegular /> {t('person.inCondition')}</Text>}</>,
            c.orgUnit ?? '–', c.function ?? '–', c.manager ?? '–',
          ]}
        />
      </Card>
      <Card>
        <CardHeader header={<Subtitle1 block as="h3">{t('person.accounts')}</Subtitle1>} />
        {p.accounts.length === 0 ? <Text>{t('person.noAccounts')}</Text> : (
          <ul>{p.accounts.map((a) => <li key={a.path}>{t(`target.${a.target}`)}: <strong>{a.name}</strong> ({a.path})</li>)}</ul>
        )}
      </Card>
      <Explained personId={personId} />
      {p.findings.length > 0 && (
        <Card>
          <CardHeader header={<Subtitle1 block as="h3">{t('preview.tabFindings', { count: p.findings.length })}</Subtitle1>} />
          <ul>{p.findings.map((f, i) => <li key={i}>{reason(f.message)}</li>)}</ul>
        </Card>
      )}
    </div>
  );
}

/** Person: why does this person have (or not have) this account? */
export function PersonScreen({ personId }: { readonly personId: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const results = useQuery({ queryKey: ['persons', query], queryFn: () => call('searchPersons', { query }), enabled: query.trim().length >= 2 });
  return (
    <section aria-labelledby="person-title">
      <Title2 block as="h2" id="person-title">{t('nav.person')}</Title2>
      <div className={styles.layout}>
        <div className={styles.results}>
          <Input contentBefore={<SearchRegular />} placeholder={t('person.search')} aria-label={t('person.search')} value={query} onChange={(_, d) => setQuery(d.value)} />
          {results.isFetching && <Loading label={t('person.searching')} />}
          {results.error && <ErrorMessage error={results.error} />}
          {results.data?.length === 0 && <Text>{t('person.noHits')}</Text>}
          {results.data?.map((hit) => (
            <Button key={hit.id} appearance={hit.id === personId ? 'primary' : 'subtle'} style={{ justifyContent: 'start' }} onClick={() => navigate('person', hit.id)}>
              {hit.displayName} <Text size={200}>&nbsp;{hit.orgUnit ?? ''}</Text>
            </Button>
          ))}
        </div>
        <div>{personId ? <PersonView personId={personId} /> : <Text>{t('person.hint')}</Text>}</div>
      </div>
    </section>
  );
}
