/**
 * Puts a new paragraph forward, after a given provision or as an alternative to it. An
 * alternative is a new-provision proposal in an option set with the provision (the `OR`
 * between paragraphs): accepting it replaces the provision and drops the other alternatives.
 */
import { useId, useState } from 'react';
import type { Provision } from '../../core/index.ts';
import type { ParagraphInput } from '../api.ts';
import { useT } from '../i18n/use-t.ts';

/** A new paragraph is of the provision's kind where that makes sense (a sub-item after a sub-item), a paragraph otherwise. */
function kindBeside(provision: Provision): ParagraphInput['kind'] {
  return provision.kind === 'sub-item' || provision.kind === 'preamble' ? provision.kind : 'paragraph';
}

export function ParagraphForm({ provision, onPropose }: { readonly provision: Provision; readonly onPropose: (paragraph: ParagraphInput) => Promise<unknown> }) {
  const t = useT();
  const id = useId();
  const [label, setLabel] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const target = provision.layout.labelRaw ?? provision.label ?? t('paragraph.this');

  const propose = async (how: 'after' | 'alternative'): Promise<void> => {
    if (text.trim() === '') {
      setMessage(t('paragraph.empty'));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const place = how === 'after' ? { after: provision.id } : { alternativeTo: provision.id };
      await onPropose({ kind: kindBeside(provision), label: label.trim() || null, text: text.trim(), ...place });
      setLabel('');
      setText('');
      setMessage(t('paragraph.sent'));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : t('error.title'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="paragraph-form" aria-labelledby={`${id}-heading`} onSubmit={(e) => e.preventDefault()}>
      <h3 id={`${id}-heading`}>{t('paragraph.newHeading')}</h3>
      <label>
        {t('paragraph.labelLabel')}
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={50} />
      </label>
      <label>
        {t('paragraph.textLabel')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
      </label>
      <div className="buttons">
        <button type="button" disabled={busy} onClick={() => void propose('after')}>
          {t('paragraph.proposeAfter', { label: target })}
        </button>
        <button type="button" disabled={busy || provision.kind === 'free-text'} onClick={() => void propose('alternative')}>
          {t('paragraph.proposeAlternative', { label: target })}
        </button>
      </div>
      {message ? (
        <p role="status" className="message">
          {message}
        </p>
      ) : null}
    </form>
  );
}
