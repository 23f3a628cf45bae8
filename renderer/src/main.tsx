import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './global.css';
import './i18n';
import { App } from './app';
import { warmFormatters } from './format';

// TanStack Query caches what the screens read (status, plan, history) so moving between screens
// does not re-read Visma or the directory; mutations invalidate what they change.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {/* Fluent UI v9: the look of Windows 11 admin tools (Segoe UI, neutral greys, one accent). */}
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);

// The first date formatter of a language costs tens of milliseconds (its locale data loads): pay
// that while the admin reads the first screen, not when they open the next one.
setTimeout(warmFormatters, 0);
