import { Caption1, Select, Subtitle1, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowSyncCircleRegular, BoardRegular, HistoryRegular, PersonRegular, PersonArrowRightRegular, SettingsRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ReactElement } from 'react';
import { SCREENS, navigate, useRoute } from './routes';
import type { Screen } from './routes';
import { setLanguage } from './i18n';
import { OverviewScreen } from './screens/overview';
import { PreviewScreen } from './screens/preview';
import { HistoryScreen } from './screens/history';
import { LeaversScreen } from './screens/leavers';
import { PersonScreen } from './screens/person';
import { SettingsScreen } from './screens/settings';

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateColumns: '200px 1fr', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  nav: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '16px 8px', borderRight: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  brand: { padding: '0 8px 12px' },
  language: { marginTop: 'auto', padding: '0 8px', display: 'grid', gap: '4px' },
  main: { overflow: 'auto', padding: '20px 24px', minWidth: 0 },
});

const ICONS: Readonly<Record<Screen, ReactElement>> = {
  overview: <BoardRegular />,
  preview: <ArrowSyncCircleRegular />,
  history: <HistoryRegular />,
  leavers: <PersonArrowRightRegular />,
  person: <PersonRegular />,
  settings: <SettingsRegular />,
};

function ScreenView({ screen, item }: { readonly screen: Screen; readonly item: string | null }) {
  switch (screen) {
    case 'overview': return <OverviewScreen />;
    case 'preview': return <PreviewScreen tab={item} />;
    case 'history': return <HistoryScreen runId={item} />;
    case 'leavers': return <LeaversScreen />;
    case 'person': return <PersonScreen personId={item} />;
    case 'settings': return <SettingsScreen />;
    default: return screen satisfies never;
  }
}

/** The window: navigation on the left, one screen on the right. */
export function App() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const route = useRoute();
  return (
    <div className={styles.shell}>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <div className={styles.brand}>
          <Subtitle1 as="h1" block>HR Provisioner</Subtitle1>
          <Caption1 block>{t('nav.tagline')}</Caption1>
        </div>
        <TabList vertical selectedValue={route.screen} onTabSelect={(_, data) => navigate(data.value as Screen)}>
          {SCREENS.map((screen) => (
            <Tab key={screen} value={screen} icon={ICONS[screen]}>{t(`nav.${screen}`)}</Tab>
          ))}
        </TabList>
        <label className={styles.language}>
          <Text size={200}>{t('nav.language')}</Text>
          <Select value={i18n.language} onChange={(_, data) => setLanguage(data.value === 'nl' ? 'nl' : 'en')} aria-label={t('nav.language')}>
            <option value="en">English</option>
            <option value="nl">Nederlands</option>
          </Select>
        </label>
      </nav>
      <main className={styles.main}>
        <ScreenView screen={route.screen} item={route.item} />
      </main>
    </div>
  );
}
