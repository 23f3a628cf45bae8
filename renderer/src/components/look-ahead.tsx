import { Badge, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ErrorMessage, Loading } from './messages';
import { formatDate } from '../format';

/** What the next two weeks bring if HR data stays as it is, grouped by day. */
export function LookAhead() {
  const { t } = useTranslation();
  const ahead = useQuery({ queryKey: ['lookAhead'], queryFn: () => call('lookAhead', { days: 14 }) });
  if (ahead.isPending) return <Loading label={t('leavers.reading')} />;
  if (ahead.error) return <ErrorMessage error={ahead.error} />;
  if (ahead.data.days.length === 0) return <Text>{t('lookAhead.none')}</Text>;
  return (
    <div>
      {ahead.data.days.map((day) => (
        <section key={day.date} aria-label={formatDate(day.date)}>
          <h3>{formatDate(day.date)}</h3>
          <ul>
            {day.events.map((e, i) => (
              <li key={i}><Badge appearance="tint">{t(`lookAhead.kind.${e.kind}`, e.kind)}</Badge> <strong>{e.name}</strong>: {e.description}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
