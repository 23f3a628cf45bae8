import { Badge, Button, Card, CardHeader, Input, Text, Title2, Subtitle1, makeStyles } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { ActionDto } from '../../../electron/shared/dto';
import { ErrorMessage, Loading } from '../components/messages';
import { SimpleTable } from '../components/simple-table';
import { formatDate, formatDateTime } from '../format';
import { navigate } from '../routes';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: '280px minmax(0, 1fr)', gap: '16px', marginTop: '12px' },
  results: { display: 'grid', gap: '2px', alignContent: 'start' },
  cards: { display: 'grid', gap: '12px' },
});

function Reasons({ action }: { readonly action: ActionDto }) {
  return <ul style={{ margin: 0, paddingLeft: 16 }}>{action.reasons.map((r) => <li key={r}>{r}</li>)}</ul>;
}

function PersonView({ personId }: { readonly personId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
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
            <>{t(`contractState.${c.state}`)} {c.inCondition && <Badge appearance="outline" color="success">{t('person.inCondition')}</Badge>}</>,
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
      <Card>
        <CardHeader header={<Subtitle1 block as="h3">{t('person.actions')}</Subtitle1>} />
        {p.planned.length === 0 && p.history.length === 0 && <Text>{t('person.noActions')}</Text>}
        {p.planned.length > 0 && (
          <SimpleTable
            label={t('person.planned')}
            headers={[t('person.planned'), t('preview.col.account'), t('detail.why')]}
            rows={p.planned}
            rowKey={(a) => a.id}
            cells={(a) => [t(`kind.${a.action}`, a.action), a.account.name, <Reasons key="r" action={a} />]}
          />
        )}
        {p.history.length > 0 && (
          <SimpleTable
            label={t('person.taken')}
            headers={[t('person.taken'), t('history.outcome'), t('history.started'), t('detail.why')]}
            rows={p.history}
            rowKey={(h) => `${h.runId}:${h.action.id}`}
            onOpen={(h) => navigate('history', h.runId)}
            cells={(h) => [t(`kind.${h.action.action}`, h.action.action), h.outcome ? t(`outcome.${h.outcome}`) : t('history.notRun'), formatDateTime(h.at), <Reasons key="r" action={h.action} />]}
          />
        )}
      </Card>
      {p.findings.length > 0 && (
        <Card>
          <CardHeader header={<Subtitle1 block as="h3">{t('preview.tabFindings', { count: p.findings.length })}</Subtitle1>} />
          <ul>{p.findings.map((f, i) => <li key={i}>{f.message}</li>)}</ul>
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
