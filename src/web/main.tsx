import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { prefetchState } from './live-document.ts';
import { parseRoute } from './routes.ts';
import './styles.css';

const route = parseRoute(location.pathname);
if (route.name === 'document') prefetchState(route.documentId);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <App />
    </LocaleProvider>
  </StrictMode>,
);
