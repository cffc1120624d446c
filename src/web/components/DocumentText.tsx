/**
 * The negotiated text rendered from the folded state (never from a notation's text): the
 * compiled view with every open proposal as a bracket coloured by its proponent and followed
 * by its chips; the agreed and "as X" views as clean text, with the engine's own resolution.
 */
import { memo, useContext, useMemo, type ReactNode } from 'react';
import type { DocumentState, OutlineEntry, Proposal, Provision, ViewSpec } from '../../core/index.ts';
import {
  buildInlineTree,
  cleanProvisionText,
  labelPrefix,
  outlineDocument,
  proposalContainer,
  provisionContainer,
  resolveView as resolve,
  tidy,
  visibleProvisions,
  type InlineNode,
} from '../../core/index.ts';
import { delegationColour } from '../delegation-colour.ts';
import { MeetingFocus } from '../meeting-focus.ts';
import { useT } from '../i18n/use-t.ts';
import { AgreementBadge } from './AgreementBadge.tsx';
import { Chips } from './Chips.tsx';
import { entryDependencies, sameDependencies } from './entry-dependencies.ts';
import { FootnoteMarks, indexNotes, NO_NOTES, type NoteIndex } from './FootnoteMarks.tsx';
import { TextWindow } from './TextWindow.tsx';

interface Selection {
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  /** A provision chosen for its own panel (agreement, statements, new paragraphs); absent where provisions are not selectable. */
  readonly selectedProvisionId?: string | null;
  readonly onSelectProvision?: (id: string) => void;
  readonly notes?: NoteIndex;
}

/** Words inside a bracket keep their trailing space outside it: `[exchange information] (+ISR) on`, not `[exchange information ]`. */
function splitTrailingSpace(nodes: readonly InlineNode[]): [readonly InlineNode[], string] {
  const last = nodes.at(-1);
  if (last?.t !== 'text') return [nodes, ''];
  const trimmed = last.text.trimEnd();
  if (trimmed === last.text) return [nodes, ''];
  return [[...nodes.slice(0, -1), ...(trimmed ? [{ ...last, text: trimmed }] : [])], last.text.slice(trimmed.length)];
}

function Bracket({ state, proposal, covered, selection }: { readonly state: DocumentState; readonly proposal: Proposal; readonly covered: readonly InlineNode[] } & { readonly selection: Selection }) {
  const colour = delegationColour(proposal.byChair ? 'CHAIR' : proposal.proponent);
  const [own, ownSpace] = splitTrailingSpace(proposal.kind === 'insert' || proposal.kind === 'replace' || proposal.kind === 'remark' ? buildInlineTree(state, proposalContainer(proposal)) : []);
  const [words, coveredSpace] = proposal.kind === 'delete' ? splitTrailingSpace(covered) : [covered, ''];
  const selected = selection.selectedId === proposal.id;
  const open = <span className="bracket-mark" style={{ color: colour }}>[</span>;
  const close = <span className="bracket-mark" style={{ color: colour }}>]</span>;
  const body =
    proposal.kind === 'replace' ? (
      <>
        <del className="old">
          <Inline state={state} nodes={covered} selection={selection} />
        </del>{' '}
        {open}
        <OwnText state={state} proposal={proposal} nodes={own} selection={selection} />
        {close}
      </>
    ) : (
      <>
        {open}
        {proposal.kind === 'delete' ? (
          <del className="old">
            <Inline state={state} nodes={words} selection={selection} />
          </del>
        ) : null}
        {proposal.kind === 'remark' ? <i>{<OwnText state={state} proposal={proposal} nodes={own} selection={selection} />}</i> : null}
        {proposal.kind === 'insert' ? <OwnText state={state} proposal={proposal} nodes={own} selection={selection} /> : null}
        {close}
      </>
    );
  return (
    <span className={`bracket kind-${proposal.kind}${selected ? ' selected' : ''}`} data-proponent={proposal.proponent ?? ''} style={{ borderColor: colour }}>
      {body} <Chips state={state} proposal={proposal} selected={selected} onSelect={selection.onSelect} />
      {selection.notes ? <FootnoteMarks statements={selection.notes.onProposal.get(proposal.id) ?? NO_NOTES} markers={selection.notes.markers} /> : null}
      {ownSpace + coveredSpace}
    </span>
  );
}

/** A proposal's own words: a container of its own, in which nested brackets are anchored. */
function OwnText({ state, proposal, nodes, selection }: { readonly state: DocumentState; readonly proposal: Proposal; readonly nodes: readonly InlineNode[]; readonly selection: Selection }) {
  return (
    <span data-container={proposal.anchor?.provisionId ?? ''} data-parent={proposal.id}>
      <Inline state={state} nodes={nodes} selection={selection} />
    </span>
  );
}

function Inline({ state, nodes, selection }: { readonly state: DocumentState; readonly nodes: readonly InlineNode[]; readonly selection: Selection }) {
  return (
    <>
      {nodes.map((node) =>
        node.t === 'text' ? (
          <span key={`t${node.start}`} data-start={node.start}>
            {node.text}
          </span>
        ) : (
          <Bracket key={node.proposal.id} state={state} proposal={node.proposal} covered={node.covered} selection={selection} />
        ),
      )}
    </>
  );
}

function ProvisionBlock({ state, provision, selection }: { readonly state: DocumentState; readonly provision: Provision; readonly selection: Selection }) {
  const container = provisionContainer(state, provision.id);
  const nodes = container ? buildInlineTree(state, container) : [];
  const notes = selection.notes;
  const content = (
    <>
      <ProvisionLabel provision={provision} selection={selection} />
      {notes ? <FootnoteMarks statements={notes.onLabel.get(provision.id) ?? NO_NOTES} markers={notes.markers} /> : null}
      <span data-container={provision.id}>
        <Inline state={state} nodes={nodes} selection={selection} />
      </span>
      {notes ? <FootnoteMarks statements={notes.onEnd.get(provision.id) ?? NO_NOTES} markers={notes.markers} /> : null}
      <AgreementBadge status={provision.status} />
    </>
  );
  const focused = useContext(MeetingFocus) === provision.id;
  const className = `provision ${provision.kind} status-${provision.status}${selection.selectedProvisionId === provision.id ? ' selected' : ''}${focused ? ' meeting-focus' : ''}`;
  return provision.kind === 'heading' ? (
    <h3 className={className} data-provision={provision.id} aria-current={focused || undefined}>
      {content}
    </h3>
  ) : (
    <p className={className} data-provision={provision.id} aria-current={focused || undefined}>
      {content}
    </p>
  );
}

const SELECT_HELP = 'provision-select-help';

/** The label, or — where provisions can be selected — a button that opens the provision's panel. */
function ProvisionLabel({ provision, selection }: { readonly provision: Provision; readonly selection: Selection }) {
  const t = useT();
  const written = provision.layout.labelRaw ?? provision.label;
  const select = selection.onSelectProvision;
  if (!select || provision.kind === 'free-text') return written === null ? null : <span className="label">{written} </span>;
  const pressed = selection.selectedProvisionId === provision.id;
  return (
    <>
      <button
        type="button"
        className={`label provision-select${written === null ? ' unlabelled' : ''}`}
        aria-pressed={pressed}
        aria-describedby={SELECT_HELP}
        {...(written === null ? { 'aria-label': t('paragraph.unlabelled') } : {})}
        onClick={() => select(provision.id)}
      >
        {written ?? '¶'}
      </button>{' '}
    </>
  );
}

function BlockClose({ state, proposal, selection }: { readonly state: DocumentState; readonly proposal: Proposal; readonly selection: Selection }) {
  const colour = delegationColour(proposal.byChair ? 'CHAIR' : proposal.proponent);
  return (
    <p className="block-close">
      <span className="bracket-mark" style={{ color: colour }}>]</span> <Chips state={state} proposal={proposal} selected={selection.selectedId === proposal.id} onSelect={selection.onSelect} />
      {selection.notes ? <FootnoteMarks statements={selection.notes.onProposal.get(proposal.id) ?? NO_NOTES} markers={selection.notes.markers} /> : null}
    </p>
  );
}

/** One paragraph with the brackets around it, drawn again only when what it is drawn from changed. */
const Entry = memo(
  function Entry({ state, entry, selection }: { readonly state: DocumentState; readonly entry: OutlineEntry; readonly selection: Selection; readonly dependencies: readonly unknown[] }) {
    const t = useT();
    const provision = state.provisions.get(entry.provisionId);
    if (!provision) return null;
    return (
      <section className="entry" data-item={entry.provisionId}>
        {entry.orBefore ? <p className="or">{t('or')}</p> : null}
        {entry.opens.map((proposal) => (
          <span key={proposal.id} className="bracket-mark block-open" style={{ color: delegationColour(proposal.byChair ? 'CHAIR' : proposal.proponent) }}>
            [
          </span>
        ))}
        <ProvisionBlock state={state} provision={provision} selection={selection} />
        {entry.closes.map((proposal) => (
          <BlockClose key={proposal.id} state={state} proposal={proposal} selection={selection} />
        ))}
        {entry.remarksAfter.map((proposal) => (
          <p key={proposal.id} className="remark">
            <Bracket state={state} proposal={proposal} covered={[]} selection={selection} />
          </p>
        ))}
        {entry.notesAfter.map((statement) => {
          const marker = selection.notes?.markers.get(statement.id) ?? '';
          return (
            <aside key={statement.id} id={`note-${statement.id}`} className={`note ${statement.kind}`} aria-label={t('notes.statement', { marker })}>
              {marker ? <sup>{marker}</sup> : null} {statement.kind === 'footnote' ? null : <em className="note-kind">{t(`statementKind.${statement.kind}`)}: </em>}
              {statement.by && !statement.layout.attributed ? <strong>{statement.by}: </strong> : null}
              {statement.text}
            </aside>
          );
        })}
      </section>
    );
  },
  // The state is one object updated in place, so it cannot tell what changed; the dependencies can.
  (before, after) =>
    before.selection.selectedId === after.selection.selectedId &&
    before.selection.selectedProvisionId === after.selection.selectedProvisionId &&
    before.selection.onSelect === after.selection.onSelect &&
    before.selection.onSelectProvision === after.selection.onSelectProvision &&
    sameDependencies(before.dependencies, after.dependencies),
);

/** About how many characters a paragraph shows, brackets and notes around it included: its height is estimated from it until it is drawn. */
function entrySize(provision: Provision | undefined, entry: OutlineEntry): number {
  let size = (provision?.text.length ?? 0) + (provision?.label?.length ?? 0);
  size += 40 * (entry.opens.length + entry.closes.length + entry.remarksAfter.length + (entry.orBefore ? 1 : 0));
  for (const statement of entry.notesAfter) size += 40 + statement.text.length;
  return size;
}

export function CompiledText({ state, selectedId, onSelect, selectedProvisionId, onSelectProvision }: { readonly state: DocumentState } & Omit<Selection, 'notes'>) {
  const t = useT();
  // The state is updated in place: its version says when what is derived from it is stale.
  const version = state.version;
  const notes = useMemo(() => indexNotes(state), [state, version]);
  const outline = useMemo(() => outlineDocument(state), [state, version]);
  const keys = useMemo(() => outline.map((entry) => entry.provisionId), [outline]);
  const sizes = useMemo(() => outline.map((entry) => entrySize(state.provisions.get(entry.provisionId), entry)), [state, outline]);
  const selected = selectedId === null ? undefined : state.proposals.get(selectedId);
  const renderEntry = (index: number): ReactNode => {
    const entry = outline[index]!;
    const dependencies = entryDependencies(state, entry, notes);
    // Only the paragraphs showing the selected proposal or provision learn which one it is.
    const selection: Selection = {
      selectedId: selected !== undefined && dependencies.includes(selected) ? selectedId : null,
      onSelect,
      selectedProvisionId: selectedProvisionId === entry.provisionId ? selectedProvisionId : null,
      ...(onSelectProvision ? { onSelectProvision } : {}),
      notes,
    };
    return <Entry key={entry.provisionId} state={state} entry={entry} dependencies={dependencies} selection={selection} />;
  };
  return (
    <>
      {onSelectProvision ? (
        <p id={SELECT_HELP} className="visually-hidden">
          {t('paragraph.selectHelp')}
        </p>
      ) : null}
      <TextWindow className="document-text compiled" keys={keys} sizes={sizes} renderItem={renderEntry} />
    </>
  );
}

/** The agreed view, or the text as one delegation wants it: clean, without brackets. */
export function CleanText({ state, view }: { readonly state: DocumentState; readonly view: ViewSpec }) {
  const version = state.version;
  const viewKey = JSON.stringify(view);
  const { resolution, provisions } = useMemo(() => {
    const resolution = resolve(state, view);
    return { resolution, provisions: visibleProvisions(state, resolution) };
    // The view is compared by what it says, not by identity (a caller may build it anew on each render).
  }, [state, version, viewKey]);
  const keys = useMemo(() => provisions.map((provision) => provision.id), [provisions]);
  const sizes = useMemo(() => provisions.map((provision) => provision.text.length + (provision.label?.length ?? 0)), [provisions]);
  const focus = useContext(MeetingFocus);
  const renderProvision = (index: number): ReactNode => {
    const provision = provisions[index]!;
    const text = tidy(labelPrefix(provision) + cleanProvisionText(state, provision, resolution));
    const focused = focus === provision.id;
    return provision.kind === 'heading' ? (
      <h3 key={provision.id} className={`provision heading${focused ? ' meeting-focus' : ''}`} data-item={provision.id} data-provision={provision.id} aria-current={focused || undefined}>
        {text}
      </h3>
    ) : (
      <p key={provision.id} className={`provision ${provision.kind}${focused ? ' meeting-focus' : ''}`} data-item={provision.id} data-provision={provision.id} aria-current={focused || undefined}>
        {text}
      </p>
    );
  };
  return <TextWindow className="document-text clean" keys={keys} sizes={sizes} renderItem={renderProvision} />;
}
