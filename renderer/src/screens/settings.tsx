import {
  Button, Card, CardHeader, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, Textarea, Title2, Subtitle1, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { DesktopSettings, SecretName, SettingsDto } from '../../../electron/shared/settings';
import type { ConnectionTestDto } from '../../../electron/shared/dto';
import { ErrorMessage, Loading } from '../components/messages';
import { NamingPreview } from '../components/naming-preview';
import { FirstRun } from '../components/first-run';
import { setLanguage } from '../i18n';
import { EMPTY_CONFIG, formatMapping, getIn, numberValue, parseMapping, setIn } from './settings-form';
import type { Json } from './settings-form';

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: '16px', marginTop: '12px' },
  // minmax(0, 1fr): a long error or path wraps inside the card instead of widening it past its edge.
  card: { minWidth: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: '8px' },
  row: { display: 'flex', gap: '8px', alignItems: 'start', flexWrap: 'wrap' },
  bar: { position: 'sticky', bottom: '-20px', display: 'grid', gap: '8px', padding: '12px 0 20px', marginTop: '12px', backgroundColor: tokens.colorNeutralBackground2, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center' },
});

type Secrets = Partial<Record<SecretName, string>>;

interface FormState {
  readonly config: Json;
  readonly secrets: Secrets;
  readonly desktop: DesktopSettings;
}

function initial(settings: SettingsDto): FormState {
  const config = settings.config ?? EMPTY_CONFIG;
  return { config, secrets: {}, desktop: settings.desktop };
}

/** Test one connection with the values in the form (unsaved edits too); a blank secret uses the stored one. */
function TestButton({ target, form }: { readonly target: ConnectionTestDto['target']; readonly form: FormState }) {
  const { t } = useTranslation();
  const test = useMutation({ mutationFn: (f: FormState) => call('testConnection', { target, config: f.config as Record<string, unknown>, secrets: f.secrets }) });
  return (
    <div>
      <Button onClick={() => test.mutate(form)} disabled={test.isPending}>{test.isPending ? t('settings.testing') : t('settings.test')}</Button>
      {test.data && (
        <MessageBar intent={test.data.ok ? 'success' : 'error'} layout="multiline" role="status">
          <MessageBarBody>{test.data.ok ? t('settings.testOk') : t('settings.testFailed')} {test.data.message}</MessageBarBody>
        </MessageBar>
      )}
      {test.error && <ErrorMessage error={test.error} />}
    </div>
  );
}

/** A JSON editor for one part of the configuration (rules, limits); invalid JSON is named, not saved. */
function JsonField(props: { readonly label: string; readonly hint: string; readonly value: unknown; readonly rows: number; readonly onValue: (value: unknown) => void; readonly onError: (error: string | null) => void }) {
  const [text, setText] = useState(() => JSON.stringify(props.value ?? null, null, 2));
  const [error, setError] = useState<string | null>(null);
  return (
    <Field label={props.label} hint={props.hint} validationState={error ? 'error' : 'none'} validationMessage={error ?? undefined}>
      <Textarea resize="vertical" rows={props.rows} style={{ fontFamily: 'monospace' }} value={text} onChange={(_, d) => {
        setText(d.value);
        try {
          props.onValue(JSON.parse(d.value) as unknown);
          setError(null);
          props.onError(null);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          setError(message);
          props.onError(message);
        }
      }} />
    </Field>
  );
}

/** One card of settings; `wide` spans the whole width (for tables such as the naming preview). */
function Section({ title, wide = false, children }: { readonly title: string; readonly wide?: boolean; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <CardHeader header={<Subtitle1 block as="h3">{title}</Subtitle1>} />
      <div className={styles.fields}>{children}</div>
    </Card>
  );
}

/** Settings: connections, lifecycle, OUs, naming, rules, limits, schedule, notifications, language. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('getSettings', {}) });
  const status = useQuery({ queryKey: ['status'], queryFn: () => call('status', {}) });
  const [form, setForm] = useState<FormState | null>(null);
  // Per JSON field: its parse error; the form is not saved while any field holds one.
  const [jsonErrors, setJsonErrors] = useState<Readonly<Record<string, string>>>({});
  // Bumped by "Undo changes", so the JSON fields start again from the stored values.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (settings.data) setForm(initial(settings.data));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (f: FormState) => call('saveSettings', { config: f.config as Record<string, unknown>, secrets: f.secrets, desktop: f.desktop }),
    onSuccess: (value) => {
      client.setQueryData(['settings'], value);
      void client.invalidateQueries({ queryKey: ['status'] });
    },
  });
  if (settings.isPending || !form) return settings.error ? <ErrorMessage error={settings.error} /> : <Loading label={t('common.loading')} />;
  const s = settings.data;
  if (!s) return null;

  const text = (path: readonly string[], label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      <Input value={String(getIn(form.config, path) ?? '')} onChange={(_, d) => setForm({ ...form, config: setIn(form.config, path, d.value === '' ? undefined : d.value) })} />
    </Field>
  );
  const number = (path: readonly string[], label: string) => (
    <Field label={label}>
      <Input type="text" inputMode="numeric" value={String(getIn(form.config, path) ?? '')} onChange={(_, d) => setForm({ ...form, config: setIn(form.config, path, numberValue(d.value)) })} />
    </Field>
  );
  const secret = (name: SecretName, label: string) => (
    <Field label={label} hint={s.secrets[name] ? t('settings.secretSet') : t('settings.secretNotSet')}>
      <Input type="password" autoComplete="off" value={form.secrets[name] ?? ''} placeholder={s.secrets[name] ? '••••••••' : ''} onChange={(_, d) => setForm({ ...form, secrets: { ...form.secrets, [name]: d.value === '' ? undefined : d.value } })} />
    </Field>
  );
  const desktop = (update: (d: DesktopSettings) => DesktopSettings) => setForm({ ...form, desktop: update(form.desktop) });
  const json = (path: readonly string[], label: string, hint: string, fallback: unknown, rows = 8) => (
    <JsonField key={`${generation}-${path.join('.')}`} label={label} hint={hint} value={getIn(form.config, path) ?? fallback} rows={rows}
      onValue={(value) => setForm((f) => (f ? { ...f, config: setIn(f.config, path, value) } : f))}
      onError={(error) => setJsonErrors((errors) => {
        const next = { ...errors };
        if (error === null) delete next[path.join('.')];
        else next[path.join('.')] = error;
        return next;
      })} />
  );
  const select = (path: readonly string[], label: string, options: readonly (readonly [string, string])[]) => (
    <Field label={label}>
      <Select value={String(getIn(form.config, path) ?? options[0]?.[0] ?? '')} onChange={(_, d) => setForm({ ...form, config: setIn(form.config, path, d.value) })}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </Select>
    </Field>
  );
  return (
    <section aria-labelledby="settings-title">
      <Title2 block as="h2" id="settings-title">{t('nav.settings')}</Title2>
      {s.config === null && <div style={{ margin: '12px 0' }}><FirstRun demoAvailable={status.data?.demoAvailable ?? false} /></div>}
      {s.problems.length > 0 && (
        <MessageBar intent="warning"><MessageBarBody>{t('settings.storedProblems')}<ul>{s.problems.map((p) => <li key={p}>{p}</li>)}</ul></MessageBarBody></MessageBar>
      )}
      <Text block size={200} style={{ marginTop: 8 }}>{t('settings.testHint')}</Text>
      <div className={styles.cards}>
        <Section title={t('settings.visma')}>
          {text(['visma', 'tokenUrl'], t('settings.tokenUrl'))}
          {text(['visma', 'baseUrl'], t('settings.baseUrl'))}
          <div className={styles.row}>{text(['visma', 'clientId'], t('settings.clientId'))}{text(['visma', 'tenantId'], t('settings.tenantId'))}</div>
          {secret('vismaClientSecret', t('settings.clientSecret'))}
          <TestButton target="visma" form={form} />
        </Section>
        <Section title={t('settings.ad')}>
          {text(['ad', 'url'], t('settings.adUrl'), t('settings.adUrlHint'))}
          {text(['ad', 'bindDn'], t('settings.bindDn'))}
          {secret('adBindPassword', t('settings.bindPassword'))}
          <div className={styles.row}>{text(['ad', 'caFile'], t('settings.caFile'))}{text(['ad', 'tlsServerName'], t('settings.tlsServerName'))}</div>
          <TestButton target="ad" form={form} />
        </Section>
        <Section title={t('settings.nedap')}>
          {text(['nedapOns', 'baseUrl'], t('settings.nedapUrl'), t('settings.nedapUrlHint'))}
          {text(['nedapOns', 'pfxFile'], t('settings.pfxFile'))}
          {secret('nedapPfxPassword', t('settings.pfxPassword'))}
          {text(['nedapOns', 'caFile'], t('settings.nedapCaFile'))}
          <TestButton target="nedap-ons" form={form} />
        </Section>
        <Section title={t('settings.smtp')}>
          <div className={styles.row}>
            {text(['notices', 'smtp', 'host'], t('settings.smtpHost'))}
            {number(['notices', 'smtp', 'port'], t('settings.smtpPort'))}
            {select(['notices', 'smtp', 'security'], t('settings.smtpSecurity'), [['starttls', t('settings.starttls')], ['tls', t('settings.tls')]])}
          </div>
          <div className={styles.row}>{text(['notices', 'smtp', 'user'], t('settings.smtpUser'))}{secret('smtpPassword', t('settings.smtpPassword'))}</div>
          <div className={styles.row}>{text(['notices', 'smtp', 'from'], t('settings.smtpFrom'))}{text(['notices', 'itAddress'], t('settings.itAddress'))}</div>
          <TestButton target="smtp" form={form} />
        </Section>
        <Section title={t('settings.lifecycle')}>
          <div className={styles.row}>
            {number(['policy', 'createDaysBeforeStart'], t('settings.createDays'))}
            {number(['policy', 'enableDaysBeforeStart'], t('settings.enableDays'))}
          </div>
          <div className={styles.row}>
            {number(['policy', 'disableDaysAfterEnd'], t('settings.disableDays'))}
            {number(['policy', 'deleteDaysAfterEnd'], t('settings.deleteDays'))}
          </div>
        </Section>
        <Section title={t('settings.ous')}>
          {text(['ad', 'baseDn'], t('settings.baseDn'))}
          {text(['ad', 'usersOu'], t('settings.usersOu'))}
          {text(['ad', 'disabledOu'], t('settings.disabledOu'))}
          <Field label={t('settings.ouByOrgUnit')} hint={t('settings.ouByOrgUnitHint')}>
            <Textarea resize="vertical" value={formatMapping(getIn(form.config, ['ad', 'ouByOrgUnit']))} onChange={(_, d) => setForm({ ...form, config: setIn(form.config, ['ad', 'ouByOrgUnit'], parseMapping(d.value)) })} />
          </Field>
        </Section>
        <Section title={t('settings.naming')} wide>
          <div className={styles.row}>{text(['ad', 'upnSuffix'], t('settings.upnSuffix'))}{text(['ad', 'mailDomain'], t('settings.mailDomain'))}</div>
          {json(['policy', 'naming'], t('settings.namingJson'), t('settings.namingHint'), {}, 4)}
          <NamingPreview config={form.config} secrets={form.secrets} />
        </Section>
        <Section title={t('settings.rules')}>
          {json(['policy', 'rules'], t('settings.rulesJson'), t('settings.rulesHint'), [])}
        </Section>
        <Section title={t('settings.limits')}>
          {json(['safety'], t('settings.limitsJson'), t('settings.limitsHint'), { actionLimits: [], reviewMode: 'hold-over-limit' })}
        </Section>
        <Section title={t('settings.schedule')}>
          <Checkbox label={t('settings.startAtLogin')} checked={form.desktop.startAtLogin} onChange={(_, d) => desktop((x) => ({ ...x, startAtLogin: d.checked === true }))} />
          <Checkbox label={t('settings.paused')} checked={form.desktop.schedule.paused} onChange={(_, d) => desktop((x) => ({ ...x, schedule: { ...x.schedule, paused: d.checked === true } }))} />
          <Field label={t('settings.scheduleRules')} hint={t('settings.scheduleHint')}>
            <Textarea resize="vertical" value={form.desktop.schedule.rules.join('\n')} onChange={(_, d) => desktop((x) => ({ ...x, schedule: { ...x.schedule, rules: d.value.split('\n').filter((l) => l.trim() !== '') } }))} />
          </Field>
        </Section>
        <Section title={t('settings.notifications')}>
          {(['leaversProcessed', 'leaversThisWeek', 'runFailed', 'reviewWaiting'] as const).map((key) => (
            <Checkbox key={key} label={t(`settings.notify.${key}`)} checked={form.desktop.notifications[key]} onChange={(_, d) => desktop((x) => ({ ...x, notifications: { ...x.notifications, [key]: d.checked === true } }))} />
          ))}
          <Field label={t('nav.language')}>
            <Select value={form.desktop.language} onChange={(_, d) => {
              const language = d.value === 'en' || d.value === 'nl' ? d.value : 'system';
              desktop((x) => ({ ...x, language }));
              if (language !== 'system') setLanguage(language);
            }}>
              <option value="system">{t('settings.systemLanguage')}</option>
              <option value="en">English</option>
              <option value="nl">Nederlands</option>
            </Select>
          </Field>
        </Section>
      </div>
      <div className={styles.bar}>
        {save.error && <ErrorMessage error={save.error} />}
        <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => save.mutate(form)} disabled={save.isPending || Object.keys(jsonErrors).length > 0}>{t('settings.save')}</Button>
        <Button onClick={() => { setForm(initial(s)); setJsonErrors({}); setGeneration((g) => g + 1); }}>{t('settings.reset')}</Button>
        {save.isSuccess && <Text role="status">{t('settings.saved')}</Text>}
        </div>
      </div>
    </section>
  );
}
