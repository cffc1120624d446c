// @vitest-environment happy-dom
/**
 * The Drafts panel and the propose box's "Save as private draft", against a fake server whose
 * answers are checked against the wire schemas (src/protocol), as the other component tests
 * do; the real server and browser are exercised by src/web/e2e/drafts.test.ts.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DelegationView, DraftView } from '../../protocol/schemas.ts';
import type { DraftViewBody } from '../api.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locales.ts';
import { DraftsPanel } from './DraftsPanel.tsx';
import { ProposeBox, type ProposalDraft } from './ProposeBox.tsx';

function draftOf(overrides: Partial<DraftViewBody> & Pick<DraftViewBody, 'id' | 'delegation'>): DraftViewBody {
  return DraftView.parse({
    documentId: 'd1',
    proposal: { kind: 'replace', anchor: { provisionId: 'p12', parent: null, start: 13, end: 27 }, text: 'binding' },
    note: '',
    sharedWith: [],
    status: 'draft',
    proposalId: null,
    revision: 1,
    anchor: { before: 'Measures are ', words: 'recommendatory', after: ' and selected voluntarily.', moved: false },
    createdBy: { id: 'u-isr', name: 'Dana Levi' },
    createdAt: '2021-06-02T08:00:00.000Z',
    updatedBy: { id: 'u-isr', name: 'Dana Levi' },
    updatedAt: '2021-06-02T08:00:00.000Z',
    ...overrides,
  });
}

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status });
const problem = (status: number, code: string, detail: string): Response => json({ type: `/api/errors#${code}`, title: code, status, code, detail }, status);

let drafts: DraftViewBody[] = [];
let calls: { method: string; url: string; body: unknown }[] = [];
let onTable: (draft: DraftViewBody) => Response;

function serve(method: string, url: string, body: Record<string, unknown> | undefined): Response {
  const path = url.split('?')[0]!;
  if (method === 'GET' && url === '/api/documents/d1/drafts?status=draft') return json(drafts.filter((d) => d.status === 'draft'));
  if (method === 'GET' && path === '/api/documents/d1') return json({ id: 'd1', organisationId: 'cica' });
  if (method === 'GET' && path === '/api/organisations/cica/delegations') {
    return json(
      [
        ['IND', 'India', 'Индия'],
        ['ISR', 'Israel', 'Израиль'],
        ['KAZ', 'Kazakhstan', 'Казахстан'],
        ['TUR', 'Türkiye', 'Турция'],
      ].map(([code, en, ru]) => DelegationView.parse({ code, names: { en, ru } })),
    );
  }
  const match = /^\/api\/documents\/d1\/drafts\/([^/]+)(.*)$/u.exec(path);
  const index = drafts.findIndex((d) => d.id === match?.[1]);
  const draft = drafts[index];
  if (!match || !draft) return problem(404, 'ERR_DRAFT_NOT_FOUND', 'No such draft.');
  const replace = (next: DraftViewBody): Response => {
    drafts[index] = DraftView.parse(next);
    return json(drafts[index]);
  };
  const rest = match[2]!;
  if (method === 'PATCH') {
    const text = typeof body?.text === 'string' ? body.text : draft.proposal.text;
    return replace({ ...draft, proposal: { ...draft.proposal, text }, note: typeof body?.note === 'string' ? body.note : draft.note, revision: draft.revision + 1 });
  }
  const share = /^\/shares\/([A-Z]+)$/u.exec(rest)?.[1];
  if (method === 'PUT' && share) return replace({ ...draft, sharedWith: [...draft.sharedWith, share].sort() });
  if (method === 'DELETE' && share) return replace({ ...draft, sharedWith: draft.sharedWith.filter((c) => c !== share) });
  if (method === 'POST' && rest === '/table') return onTable(draft);
  if (method === 'POST' && rest === '/discard') return replace({ ...draft, status: 'discarded' });
  return problem(404, 'ERR_ROUTE_NOT_FOUND', `No ${method} ${url}`);
}

beforeEach(() => {
  calls = [];
  drafts = [
    draftOf({ id: 'dr-own', delegation: 'ISR', note: 'Hold until KAZ agrees', sharedWith: ['KAZ'] }),
    draftOf({
      id: 'dr-shared',
      delegation: 'TUR',
      proposal: { kind: 'delete', anchor: { provisionId: 'p12', parent: null, start: 28, end: 40 } },
      anchor: { before: 'Measures are recommendatory ', words: 'and selected', after: ' voluntarily.', moved: false },
      sharedWith: ['ISR'],
    }),
  ];
  onTable = (draft) => {
    const index = drafts.indexOf(draft);
    drafts[index] = { ...draft, status: 'tabled', proposalId: 'p-new' };
    return json({ draft: drafts[index], proposal: { documentId: 'd1', version: 12, id: 'p-new', events: [{ version: 12, type: 'proposal.made' }] } }, 201);
  };
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = init.body ? (JSON.parse(init.body as string) as Record<string, unknown>) : undefined;
      calls.push({ method, url, body });
      return Promise.resolve(serve(method, url, body));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPanel(onTabled = vi.fn(), locale: Locale = 'en') {
  render(
    <LocaleProvider initial={locale}>
      <DraftsPanel documentId="d1" delegation="ISR" version={11} changed={0} onTabled={onTabled} />
    </LocaleProvider>,
  );
  return onTabled;
}

const card = async (name: string): Promise<HTMLElement> => screen.findByRole('listitem', { name });
/** What a draft's card says, paragraph by paragraph. */
const lines = (element: HTMLElement): (string | null)[] => Array.from(element.querySelectorAll('p')).map((p) => p.textContent);
const CHANGED = 'Last changed by Dana Levi, Jun 2, 2021, 8:00 AM';

describe('DraftsPanel', () => {
  it("shows the delegation's own drafts and those shared with it, with their words in context", async () => {
    renderPanel();
    const own = await card('Draft of ISR');
    expect(screen.getByRole('heading', { name: /Private drafts/u }).textContent).toBe('Private drafts (2 drafts)');
    expect(lines(own)).toEqual([
      'Replace “recommendatory” with “binding”',
      'In the text: …Measures are recommendatory binding and selected voluntarily.…',
      'Note: Hold until KAZ agrees',
      'Shared with: KAZ',
      CHANGED,
    ]);
    const context = own.querySelector('.draft-context')!;
    expect(context.querySelector('del')?.textContent).toBe('recommendatory');
    expect(context.querySelector('ins')?.textContent).toBe('binding');
    expect(within(own).getByRole('button', { name: 'Table this draft' })).toHaveProperty('disabled', false);

    // A partner's draft: marked with its owner, readable, not changeable.
    const shared = await card('Shared with your delegation by TUR');
    expect(lines(shared)).toEqual([
      'Delete “and selected”',
      'In the text: …Measures are recommendatory and selected voluntarily.…',
      'Shared with: ISR',
      CHANGED,
      'Only TUR can change or table this draft.',
    ]);
    expect(shared.querySelector('.draft-context ins')).toBeNull();
    expect(within(shared).queryAllByRole('button')).toEqual([]);
  });

  it('edits the words and the note against the revision it showed', async () => {
    renderPanel();
    const own = await card('Draft of ISR');
    fireEvent.click(within(own).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(own).getByLabelText('Proposed words'), { target: { value: 'legally binding' } });
    fireEvent.change(within(own).getByLabelText('Note for your delegation and partners (never tabled)'), { target: { value: 'Agreed with KAZ' } });
    fireEvent.click(within(own).getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({ method: 'PATCH', url: '/api/documents/d1/drafts/dr-own', body: { text: 'legally binding', note: 'Agreed with KAZ', expectedRevision: 1 } });
    const updated = await card('Draft of ISR');
    await within(updated).findByText('Replace “recommendatory” with “legally binding”');
    expect(lines(updated).slice(0, 3)).toEqual([
      'Replace “recommendatory” with “legally binding”',
      'In the text: …Measures are recommendatory legally binding and selected voluntarily.…',
      'Note: Agreed with KAZ',
    ]);
    expect(within(updated).queryByLabelText('Proposed words')).toBeNull();
  });

  it("shares with a partner chosen from the organisation's delegations, and stops sharing", async () => {
    renderPanel();
    const own = await card('Draft of ISR');
    fireEvent.click(within(own).getByRole('button', { name: 'Share with a partner delegation…' }));
    const select = await within(own).findByLabelText('Partner delegation');
    // Neither the owner nor a delegation it is already shared with is offered.
    expect(Array.from(select.querySelectorAll('option')).map((o) => o.textContent)).toEqual(['Choose a delegation', 'IND — India', 'TUR — Türkiye']);
    fireEvent.change(select, { target: { value: 'TUR' } });
    fireEvent.click(within(own).getByRole('button', { name: 'Share' }));
    expect((await within(own).findByText('Shared with: KAZ and TUR')).tagName).toBe('P');
    expect(calls.some((c) => c.method === 'PUT' && c.url === '/api/documents/d1/drafts/dr-own/shares/TUR')).toBe(true);

    fireEvent.click(within(own).getByRole('button', { name: 'Stop sharing with KAZ' }));
    expect((await within(own).findByText('Shared with: TUR')).tagName).toBe('P');
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/documents/d1/drafts/dr-own/shares/KAZ')).toBe(true);
  });

  it('tables a draft: says so, tells the screen, and the draft leaves the list', async () => {
    const onTabled = renderPanel();
    const own = await card('Draft of ISR');
    fireEvent.click(within(own).getByRole('button', { name: 'Table this draft' }));
    expect((await screen.findByRole('status')).textContent).toBe('Tabled: the proposal is now in the text for every delegation.');
    expect(onTabled).toHaveBeenCalledTimes(1);
    expect(calls.find((c) => c.url.endsWith('/table'))?.body).toEqual({ expectedRevision: 1 });
    await vi.waitFor(() => expect(screen.queryByRole('listitem', { name: 'Draft of ISR' })).toBeNull());
    expect(screen.getByRole('heading', { name: /Private drafts/u }).textContent).toBe('Private drafts (1 draft)');
  });

  it('says clearly when tabling fails because the text moved, and then shows the draft as moved', async () => {
    onTable = (draft) => {
      drafts[drafts.indexOf(draft)] = { ...draft, anchor: { ...draft.anchor!, moved: true } };
      return problem(409, 'ERR_DRAFT_ANCHOR_MOVED', 'The words this draft would change (“recommendatory”) are no longer as they were.');
    };
    const onTabled = renderPanel();
    fireEvent.click(within(await card('Draft of ISR')).getByRole('button', { name: 'Table this draft' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not tabled: the words this draft would change have moved in the text since it was saved. Select them again in the current text, save a new draft, and discard this one.',
    );
    expect(onTabled).not.toHaveBeenCalled();
    const own = await card('Draft of ISR');
    expect((await within(own).findByText(/The text has changed here since this draft was saved/u)).className).toBe('warning');
    expect(within(own).getByRole('button', { name: 'Table this draft' })).toHaveProperty('disabled', true);
  });

  it('discards a draft', async () => {
    renderPanel();
    fireEvent.click(within(await card('Draft of ISR')).getByRole('button', { name: 'Discard' }));
    expect((await screen.findByRole('status')).textContent).toBe('Draft discarded.');
    expect(calls.find((c) => c.url.endsWith('/discard'))?.body).toEqual({ expectedRevision: 1 });
    await vi.waitFor(() => expect(screen.queryByRole('listitem', { name: 'Draft of ISR' })).toBeNull());
  });

  it('says there are none, in Russian with the right plural when there are some', async () => {
    drafts = [];
    renderPanel();
    expect((await screen.findByText('Select words in the text and choose “Save as private draft” to prepare a proposal here.')).tagName).toBe('P');
    expect(screen.getByRole('heading', { name: /Private drafts/u }).textContent).toBe('Private drafts (none)');
    cleanup();
    drafts = ['a', 'b', 'c', 'd', 'e'].map((id) => draftOf({ id, delegation: 'ISR' }));
    renderPanel(vi.fn(), 'ru');
    expect((await screen.findByRole('heading', { name: 'Закрытые проекты (5 проектов)' })).textContent).toBe('Закрытые проекты (5 проектов)');
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
  });
});

describe('ProposeBox', () => {
  it('saves the selection as a private draft: a replacement with words, a deletion without', async () => {
    const saved: ProposalDraft[] = [];
    const onSaveDraft = vi.fn((draft: ProposalDraft) => {
      saved.push(draft);
      return Promise.resolve();
    });
    render(
      <LocaleProvider initial="en">
        <ProposeBox anchor={{ provisionId: 'p12', parent: null, start: 13, end: 27, text: 'recommendatory' }} onPropose={() => Promise.resolve()} onSaveDraft={onSaveDraft} onCancel={() => undefined} />
      </LocaleProvider>,
    );
    const save = screen.getByRole('button', { name: 'Save as private draft' });
    expect(save.getAttribute('aria-describedby')).toBe('propose-draft-hint');
    fireEvent.click(save);
    await vi.waitFor(() => expect(save).toHaveProperty('disabled', false));
    fireEvent.change(screen.getByLabelText('Replace them with'), { target: { value: 'binding' } });
    fireEvent.click(save);
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    expect(saved).toEqual([
      { kind: 'delete', text: null },
      { kind: 'replace', text: 'binding' },
    ]);
  });

  it('offers no draft to the chair, and needs words for an insertion', () => {
    const { rerender } = render(
      <LocaleProvider initial="en">
        <ProposeBox anchor={{ provisionId: 'p12', parent: null, start: 0, end: 0, text: '' }} onPropose={() => Promise.resolve()} onCancel={() => undefined} />
      </LocaleProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Save as private draft' })).toBeNull();
    rerender(
      <LocaleProvider initial="en">
        <ProposeBox anchor={{ provisionId: 'p12', parent: null, start: 0, end: 0, text: '' }} onPropose={() => Promise.resolve()} onSaveDraft={() => Promise.resolve()} onCancel={() => undefined} />
      </LocaleProvider>,
    );
    const save = screen.getByRole('button', { name: 'Save as private draft' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Words to insert'), { target: { value: 'where appropriate ' } });
    expect(save).toHaveProperty('disabled', false);
  });
});
