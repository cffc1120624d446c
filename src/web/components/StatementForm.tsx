/**
 * Adds a typed statement to a proposal or a provision: a delegate for their delegation
 * (interpretative statement, reservation, footnote), the chair as the chair (chair's note,
 * footnote, provenance, renumbering trail). The server decides whose statement it is from the
 * signed-in role; the text is kept and shown as written, never as markup.
 */
import { useId, useState, type FormEvent } from 'react';
import type { StatementKind } from '../../core/index.ts';
import type { StatementInput } from '../api.ts';
import { useT } from '../i18n/use-t.ts';

const DELEGATE_KINDS: readonly StatementKind[] = ['interpretative', 'reservation', 'footnote'];
const CHAIR_KINDS: readonly StatementKind[] = ['chair-note', 'footnote', 'provenance', 'renumbering'];

function statementKinds(delegation: string | null, isChair: boolean): StatementKind[] {
  return [...new Set([...(delegation !== null ? DELEGATE_KINDS : []), ...(isChair ? CHAIR_KINDS : [])])];
}

export function StatementForm({
  anchor,
  delegation,
  isChair,
  onAdd,
}: {
  readonly anchor: StatementInput['anchor'];
  readonly delegation: string | null;
  readonly isChair: boolean;
  readonly onAdd: (body: StatementInput) => Promise<unknown>;
}) {
  const t = useT();
  const id = useId();
  const kinds = statementKinds(delegation, isChair);
  const [kind, setKind] = useState<StatementKind>(kinds[0] ?? 'footnote');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (kinds.length === 0) return null;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (text.trim() === '') {
      setMessage(t('statement.empty'));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await onAdd({ kind, text: text.trim(), anchor });
      setText('');
      setMessage(t('statement.added'));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : t('error.title'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="statement-form" aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-heading`}>{delegation !== null ? t('statement.headingFor', { delegation }) : t('statement.headingChair')}</h3>
      <label>
        {t('statement.kindLabel')}
        <select value={kind} onChange={(e) => setKind(e.target.value as StatementKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`statementKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('statement.textLabel')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
      </label>
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {t('statement.submit')}
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
