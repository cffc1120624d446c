// @vitest-environment happy-dom
/**
 * The exchange's panels against a fake server whose answers are parsed with the wire schemas:
 * requests for consent answered (granted differently from what was asked, or refused with a
 * reason), obligations with the late ones marked, a contact check confirmed, a contingent
 * permission given, and the secretariat's dissemination within what the provider allowed.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConsentGrantBody,
  ConsentRefusalBody,
  ConsentView,
  BODY_SCHEMAS,
  ContingentPermissionBody,
  ContingentPermissionWithdrawalBody,
  ExchangeDutiesView,
  SubmissionHitView,
  WhyView,
} from '../../protocol/exchange.ts';
import type { Duties, SubmissionHit } from '../exchange-api.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { BodyView } from './BodyView.tsx';
import { ContingentPermissions } from './ContingentPermissions.tsx';
import { Dissemination, secretariatScope } from './Dissemination.tsx';
import { ExchangeDuties } from './ExchangeDuties.tsx';
import { PendingConsent } from './PendingConsent.tsx';

const SENT: SubmissionHit[] = [
  SubmissionHitView.parse({
    envelope: {
      id: 's1',
      registryNumber: 'TEST/EX/2021/0001',
      category: 'disaster',
      from: 'IND',
      to: ['ISR', 'KAZ'],
      subject: 'Mudflow',
      legalBasis: '2.4.3',
      replyTo: null,
      language: 'en',
      dissemination: { kind: 'addressees-only' },
      urgent: true,
      kind: 'report',
      previous: null,
      period: null,
      retainUntil: null,
      sentAt: '2021-06-02T08:00:00.000Z',
    },
    basis: { via: 'provider' },
    expired: false,
  }),
];

const CONSENT = ConsentView.parse({
  requests: [
    { id: 'r1', party: 'ISR', widening: { kind: 'states', states: ['CHN'] }, reason: 'China is downstream', at: '2021-06-02T09:00:00.000Z', answer: null },
    { id: 'r0', party: 'KAZ', widening: { kind: 'publication' }, reason: null, at: '2021-06-02T08:30:00.000Z', answer: { outcome: 'refused', at: '2021-06-02T08:40:00.000Z', grantId: null, reason: null } },
  ],
  grants: [],
});

let calls: { method: string; url: string; body: unknown }[] = [];

beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body: unknown = init.body === undefined ? undefined : JSON.parse(init.body as string);
      calls.push({ method, url, body });
      if (method === 'GET' && url === '/api/organisations/cica/exchange/submissions/s1/consent') return Promise.resolve(new Response(JSON.stringify(CONSENT)));
      if (method === 'POST') return Promise.resolve(new Response(JSON.stringify({ id: 'x', version: 9 }), { status: 201 }));
      return Promise.resolve(new Response(JSON.stringify({ status: 404, code: 'ERR_ROUTE_NOT_FOUND', detail: url }), { status: 404 }));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const posts = (): { url: string; body: unknown }[] => calls.filter((c) => c.method === 'POST').map(({ url, body }) => ({ url, body }));

describe('requests for consent', () => {
  it('lists only the open ones, and grants one differently from what was asked: to the secretariat, which may pass it on to any state', async () => {
    const onChanged = vi.fn();
    render(
      <LocaleProvider initial="en">
        <PendingConsent organisationId="cica" sent={SENT} version={0} onOpen={vi.fn()} onChanged={onChanged} />
      </LocaleProvider>,
    );
    expect((await screen.findByRole('heading', { name: '1 request for your consent' })).tagName).toBe('H2');
    const request = screen.getByRole('group', { name: 'ISR asks to share it to CHN' });
    expect(within(request).getByText(/^Their reason:/u).textContent).toBe('Their reason: China is downstream');
    expect(within(request).getByLabelText<HTMLInputElement>('As asked (to CHN)').checked).toBe(true);
    fireEvent.click(within(request).getByLabelText('To the secretariat'));
    fireEvent.change(within(request).getByLabelText('The secretariat may pass it on to'), { target: { value: 'any' } });
    fireEvent.click(within(request).getByRole('button', { name: 'Grant' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(posts()).toEqual([{ url: '/api/organisations/cica/exchange/submissions/s1/grants', body: { widening: { kind: 'secretariat', disseminateTo: 'any' }, inAnswerTo: 'r1', until: null } }]);
    expect(ConsentGrantBody.safeParse(posts()[0]!.body).success).toBe(true);
  });

  it('refuses with a reason, and cannot grant to named states without naming one', async () => {
    render(
      <LocaleProvider initial="en">
        <PendingConsent organisationId="cica" sent={SENT} version={0} onOpen={vi.fn()} onChanged={vi.fn()} />
      </LocaleProvider>,
    );
    const request = await screen.findByRole('group', { name: 'ISR asks to share it to CHN' });
    fireEvent.click(within(request).getByLabelText('To the states I name'));
    fireEvent.change(within(request).getByLabelText('States (codes, separated by commas)'), { target: { value: ' ' } });
    expect(within(request).getByRole<HTMLButtonElement>('button', { name: 'Grant' }).disabled).toBe(true);
    fireEvent.change(within(request).getByLabelText('Reason for a refusal (optional)'), { target: { value: 'Not yet verified' } });
    fireEvent.click(within(request).getByRole('button', { name: 'Refuse' }));
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toEqual({ url: '/api/organisations/cica/exchange/consent-requests/r1/refusal', body: { reason: 'Not yet verified' } });
    expect(ConsentRefusalBody.safeParse(posts()[0]!.body).success).toBe(true);
  });
});

const DUTIES: Duties = ExchangeDutiesView.parse({
  obligations: [
    { kind: 'report', category: 'armed-forces', period: '2021', about: null, dueAt: '2021-12-16T00:00:00.000Z', status: 'met', metBy: 'a' },
    { kind: 'report', category: 'defence-budget', period: '2022', about: null, dueAt: '2022-05-01T00:00:00.000Z', status: 'overdue', metBy: null },
    { kind: 'reply', category: 'incident-consultation', period: null, about: 's9', dueAt: '2022-03-03T00:00:00.000Z', status: 'late', metBy: 's10' },
  ],
  reminders: [{ kind: 'report-due', key: 'k1', to: 'IND', dueAt: '2023-04-30T00:00:00.000Z', category: 'defence-budget', period: '2023' }],
  contactChecks: [
    { id: 'c1', submissionId: 'poc', registryNumber: 'TEST/EX/2022/0004', provider: 'IND', checkedBy: 'SECRETARIAT', at: '2022-06-01T00:00:00.000Z', dueAt: '2022-06-04T00:00:00.000Z', status: 'awaiting', confirmedAt: null },
  ],
  permissions: [
    { id: 'p1', deployingState: 'IND', hostState: 'KAZ', releaseTo: ['ISR', 'SECRETARIAT'], at: '2022-01-01T00:00:00.000Z', withdrawnAt: null, withdrawalReason: null },
    { id: 'p0', deployingState: 'IND', hostState: 'TJK', releaseTo: 'any', at: '2021-01-01T00:00:00.000Z', withdrawnAt: '2021-03-01T00:00:00.000Z', withdrawalReason: null },
  ],
  deadlines: {},
});

describe('duties', () => {
  it('marks what is overdue or was late, and confirms a contact check in one click', async () => {
    const onChanged = vi.fn();
    render(
      <LocaleProvider initial="en">
        <ExchangeDuties organisationId="cica" delegation="IND" duties={DUTIES} onOpen={vi.fn()} onChanged={onChanged} />
      </LocaleProvider>,
    );
    const rows = within(screen.getByTestId('exchange-obligations')).getAllByRole('row').slice(1) as HTMLTableRowElement[];
    expect(rows.map((r) => [r.className, r.cells[0]!.textContent, r.cells[2]!.textContent])).toEqual([
      ['obligation overdue', 'Defence budget: report for 2022', 'overdue'],
      ['obligation late', 'Consultation on a hazardous incident near a border: your reply', 'done late'],
      ['obligation met', 'Components of armed forces: report for 2021', 'done on time'],
    ]);
    expect(rows[0]!.querySelector('.badge.late')?.textContent).toBe('overdue');
    expect(rows[2]!.querySelector('.badge')).toBeNull();
    expect(screen.getAllByText(/^A periodic report is due by /u)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm: our contacts in TEST/EX/2022/0004 still answer' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(posts()).toEqual([{ url: '/api/organisations/cica/exchange/contact-checks/c1/confirmation', body: undefined }]);
  });

  it('in Kazakh too', () => {
    render(
      <LocaleProvider initial="kk">
        <ExchangeDuties organisationId="cica" delegation="IND" duties={DUTIES} onOpen={vi.fn()} onChanged={vi.fn()} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Мемлекетіңіздің міндеттері' }).tagName).toMatch(/^H[1-3]$/u);
    expect(screen.getAllByText('мерзімі өтті').length).toBeGreaterThan(0);
  });
});

describe('contingent permissions (2.1.1 c)', () => {
  it('lists what the deploying state gave and records a new permission to named parties', async () => {
    const onChanged = vi.fn();
    render(
      <LocaleProvider initial="en">
        <ContingentPermissions organisationId="cica" delegation="IND" permissions={DUTIES.permissions} onChanged={onChanged} />
      </LocaleProvider>,
    );
    expect(within(screen.getByTestId('exchange-permissions-given')).getAllByRole('listitem')[0]!.textContent).toMatch(/^KAZ may release information on your contingent to ISR, the secretariat \(since /u);
    fireEvent.change(screen.getByLabelText('Host state (code)'), { target: { value: 'tur' } });
    fireEvent.change(screen.getByLabelText('States (codes, separated by commas)'), { target: { value: 'isr kaz' } });
    fireEvent.click(screen.getByLabelText('The secretariat'));
    fireEvent.click(screen.getByRole('button', { name: 'Record permission' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(posts()).toEqual([{ url: '/api/organisations/cica/exchange/contingent-permissions', body: { hostState: 'TUR', releaseTo: ['ISR', 'KAZ', 'SECRETARIAT'] } }]);
    expect(ContingentPermissionBody.safeParse(posts()[0]!.body).success).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Permission recorded for TUR.');
  });

  it('withdraws a permission in force after a confirmation on the page, with a reason; a withdrawn one shows when', async () => {
    const onChanged = vi.fn();
    render(
      <LocaleProvider initial="en">
        <ContingentPermissions organisationId="cica" delegation="IND" permissions={DUTIES.permissions} onChanged={onChanged} />
      </LocaleProvider>,
    );
    const [inForce, withdrawn] = within(screen.getByTestId('exchange-permissions-given')).getAllByRole('listitem');
    expect(withdrawn!.textContent).toMatch(/^TJK may release information on your contingent to anyone .*— Withdrawn on \S/u);
    expect(within(withdrawn!).queryByRole('button')).toBeNull();
    fireEvent.click(within(inForce!).getByRole('button', { name: 'Withdraw' }));
    // Nothing is sent before the confirmation; "Keep it" cancels.
    expect(posts()).toEqual([]);
    fireEvent.click(within(inForce!).getByRole('button', { name: 'Keep it' }));
    expect(within(inForce!).queryByRole('button', { name: 'Yes, withdraw' })).toBeNull();
    fireEvent.click(within(inForce!).getByRole('button', { name: 'Withdraw' }));
    expect(within(inForce!).getByRole('group').textContent).toContain('Withdraw the permission for KAZ?');
    fireEvent.change(within(inForce!).getByLabelText('Reason for withdrawing (optional)'), { target: { value: ' Exercise over ' } });
    fireEvent.click(within(inForce!).getByRole('button', { name: 'Yes, withdraw' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(posts()).toEqual([{ url: '/api/organisations/cica/exchange/contingent-permissions/p1/withdraw', body: { reason: 'Exercise over' } }]);
    expect(ContingentPermissionWithdrawalBody.safeParse(posts()[0]!.body).success).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Permission for KAZ withdrawn.');
  });

  it('shows the host a withdrawn permission with its date and reason, without a Withdraw action', () => {
    render(
      <LocaleProvider initial="ru">
        <ContingentPermissions organisationId="cica" delegation="TJK" permissions={[{ ...DUTIES.permissions[1]!, withdrawalReason: 'Учения окончены' }]} onChanged={vi.fn()} />
      </LocaleProvider>,
    );
    // The date in Russian, as the panel writes every date, and the reason after it.
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['IND разрешает вам передавать сведения о его контингенте: кому угодно (с 1 янв. 2021 г., 00:00) — Отозвано 1 мар. 2021 г., 00:00: Учения окончены']);
    expect(screen.queryByRole('button', { name: 'Отозвать' })).toBeNull();
  });
});

describe('the secretariat’s dissemination', () => {
  const sent = { step: 'sent', registryNumber: 'R', from: 'IND', to: ['ISR'], by: { user: 'u', delegation: 'IND', role: 'delegate' }, at: '2021-06-02T08:00:00.000Z' } as const;
  const granted = (disseminateTo: unknown) =>
    WhyView.parse({
      chains: [{ basis: { via: 'grant', grantId: 'envelope' }, links: [sent, { step: 'granted', grantId: 'envelope', widening: { kind: 'secretariat', disseminateTo }, by: sent.by, at: sent.at, until: null, inAnswerTo: null }] }],
    });

  it('reads the scope the provider allowed from "why can I see this?"', () => {
    expect(secretariatScope(granted('none'))).toBe('none');
    expect(secretariatScope(granted(['KAZ', 'TUR']))).toEqual(['KAZ', 'TUR']);
    expect(secretariatScope(WhyView.parse({ chains: [{ basis: { via: 'addressed' }, links: [sent] }] }))).toBeNull();
  });

  it('passes it on to the states the secretariat names, and offers nothing when the provider allowed no onward dissemination', async () => {
    const onDone = vi.fn();
    const { unmount } = render(
      <LocaleProvider initial="ru">
        <Dissemination organisationId="cica" submissionId="s1" scope={['KAZ', 'TUR']} onDone={onDone} />
      </LocaleProvider>,
    );
    expect(screen.getByText(/^Предоставившее государство разрешает/u).textContent).toBe('Предоставившее государство разрешает секретариату передать только KAZ, TUR.');
    fireEvent.change(screen.getByLabelText('Кому передать (коды через запятую)'), { target: { value: 'kaz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Передать' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posts()).toEqual([{ url: '/api/organisations/cica/exchange/submissions/s1/disseminations', body: { to: ['KAZ'] } }]);
    unmount();
    render(
      <LocaleProvider initial="en">
        <Dissemination organisationId="cica" submissionId="s1" scope="none" onDone={onDone} />
      </LocaleProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Pass on' })).toBeNull();
  });
});

describe('a body as the reader sees it', () => {
  it('shows labels, choices and yes or no in words, and rows as a numbered list', () => {
    const body = BODY_SCHEMAS['points-of-contact'].parse({
      authorities: [{ field: '2.4.4', name: 'Committee for Emergency Situations', email: 'duty@emergency.example', phone: null, address: null, availability: 'round-the-clock' }],
    });
    render(
      <LocaleProvider initial="ru">
        <BodyView category="points-of-contact" body={body} />
      </LocaleProvider>,
    );
    const pairs = Array.from(screen.getByTestId('exchange-body').querySelectorAll('li dl > div')).map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(pairs).toEqual([
      ['Область', 'Управление в чрезвычайных ситуациях, поиск и спасание (2.4.4)'],
      ['Наименование органа', 'Committee for Emergency Situations'],
      ['Электронная почта (необязательно)', 'duty@emergency.example'],
      ['Телефон (необязательно)', '—'],
      ['Адрес (необязательно)', '—'],
      ['Доступен', 'Круглосуточно'],
    ]);
  });
});
