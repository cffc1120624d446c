/**
 * Footnote markers in the compiled text for statements on a whole provision (after its label
 * or its words) or on a whole proposal (after its chips). Each links to the statement's text
 * below the provision; the marker is the engine's (the draft's own, or the next free number).
 */
import { footnoteMarkers, type DocumentState, type Statement } from '../../core/index.ts';
import { useT } from '../i18n/use-t.ts';

export interface NoteIndex {
  readonly markers: ReadonlyMap<string, string>;
  readonly onLabel: ReadonlyMap<string, readonly Statement[]>;
  readonly onEnd: ReadonlyMap<string, readonly Statement[]>;
  readonly onProposal: ReadonlyMap<string, readonly Statement[]>;
}

export const NO_NOTES: readonly Statement[] = [];

function add(map: Map<string, Statement[]>, key: string, statement: Statement): void {
  const list = map.get(key);
  if (list) list.push(statement);
  else map.set(key, [statement]);
}

export function indexNotes(state: DocumentState): NoteIndex {
  const onLabel = new Map<string, Statement[]>();
  const onEnd = new Map<string, Statement[]>();
  const onProposal = new Map<string, Statement[]>();
  for (const statement of state.statements.values()) {
    const { anchor } = statement;
    if (anchor.proposalId !== undefined) {
      if (anchor.at === undefined) add(onProposal, anchor.proposalId, statement);
    } else if (anchor.at === 'label') add(onLabel, anchor.provisionId, statement);
    else if (anchor.at === 'end') add(onEnd, anchor.provisionId, statement);
  }
  return { markers: footnoteMarkers(state), onLabel, onEnd, onProposal };
}

export function FootnoteMarks({ statements, markers }: { readonly statements: readonly Statement[]; readonly markers: ReadonlyMap<string, string> }) {
  const t = useT();
  return (
    <>
      {statements.map((statement) => {
        const marker = markers.get(statement.id) ?? '*';
        const label = t('notes.mark', { marker, kind: t(`statementKind.${statement.kind}`) });
        return (
          <sup key={statement.id} className="footnote-mark">
            {/* A draft's marker without a footnote text has nothing to link to. */}
            {statement.layout.textless ? (
              <>
                <span aria-hidden="true">{marker}</span>
                <span className="visually-hidden">{label}</span>
              </>
            ) : (
              <a href={`#note-${statement.id}`} aria-label={label}>
                {marker}
              </a>
            )}
          </sup>
        );
      })}
    </>
  );
}
