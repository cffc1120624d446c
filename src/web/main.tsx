/**
 * The page's script. It is small, so it runs as soon as it arrives: it asks the server for
 * what the first screen waits for (who is signed in; on a document's page, the document's
 * state) and only then loads the app, whose larger script arrives and compiles meanwhile.
 */
import { startEarlyRequests } from './early-requests.ts';
import './styles.css';

startEarlyRequests(location.pathname);
const app = import('./mount-app.tsx');
// The first use of Intl loads the browser's locale data (about 50 ms here); the messages need
// it before anything is drawn, so it is done now, while the app's script is still on its way.
Intl.NumberFormat.supportedLocalesOf('en');
app.catch(() => {
  // Without the app there are no messages in the reader's language to say it with.
  document.getElementById('root')!.textContent = 'Parley could not be loaded. Reload the page to try again.';
});
