/** Messages of the document screen's export links (see feature-messages.ts for the pattern). */
import { featureMessages } from '../i18n/feature-messages.ts';

export const exportMessages = featureMessages({
  en: {
    'export.label': 'Download',
    'export.docx': 'Word (.docx) of this view',
    'export.pdf': 'PDF of this view',
    'export.akn': 'Akoma Ntoso (XML)',
  },
  ru: {
    'export.label': 'Скачать',
    'export.docx': 'Word (.docx) в этом виде',
    'export.pdf': 'PDF в этом виде',
    'export.akn': 'Akoma Ntoso (XML)',
  },
  kk: {
    'export.label': 'Жүктеп алу',
    'export.docx': 'Осы көріністегі Word (.docx)',
    'export.pdf': 'Осы көріністегі PDF',
    'export.akn': 'Akoma Ntoso (XML)',
  },
});
