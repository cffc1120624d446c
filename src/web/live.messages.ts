/** Messages of the live connection (see feature-messages.ts for the pattern). */
import { featureMessages } from './i18n/feature-messages.ts';

export const liveMessages = featureMessages({
  en: {
    'live.reconnecting': 'Connection lost — reconnecting…',
    'live.status': 'Live',
  },
  ru: {
    'live.reconnecting': 'Связь потеряна — переподключение…',
    'live.status': 'В эфире',
  },
  kk: {
    'live.reconnecting': 'Байланыс үзілді — қайта қосылуда…',
    'live.status': 'Тікелей',
  },
});
