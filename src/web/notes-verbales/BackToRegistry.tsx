/** The link back to the registry's list, from a note or the registry's settings: a real link (it opens in a new tab), followed in the app. */
import type { MouseEvent } from 'react';
import { useT } from '../i18n/use-t.ts';
import { pathOf } from '../routes.ts';

export function BackToRegistry({ onBack }: { readonly onBack: () => void }) {
  const t = useT();
  return (
    <p>
      <a
        href={pathOf({ name: 'notes', noteId: null })}
        onClick={(event: MouseEvent) => {
          event.preventDefault();
          onBack();
        }}
      >
        {t('notes.back')}
      </a>
    </p>
  );
}
