// @vitest-environment happy-dom
/**
 * The new-submission form of every category, filled through its controls as a person would:
 * what it sends must be what the protocol's NewSubmissionBody accepts, with the body the
 * category's schema makes of the same entries; wrong entries stay on the page with their
 * errors beside them (aria-invalid, aria-describedby) and nothing is sent. The fake server
 * answers as the real one's wire schema says; src/web/e2e/exchange-forms.test.ts sends through
 * the real server.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../../core/index.ts';
import { BODY_SCHEMAS, ExchangeDutiesView, NewSubmissionBody, SubmissionHitView } from '../../protocol/exchange.ts';
import type { Duties, SubmissionHit } from '../exchange-api.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locales.ts';
import { controlId } from './BodyFields.tsx';
import { ExchangeForm, type FormPreset } from './ExchangeForm.tsx';
import { CATEGORY_FIELDS, type Field } from './fields.ts';
import { checkBody } from './form-value.ts';
import { sampleEntries, sampleEntry } from './sample-entries.ts';

function hit(id: string, category: CategoryId, from: string, to: string[], kind: 'report' | 'nil' = 'report'): SubmissionHit {
  return SubmissionHitView.parse({
    envelope: {
      id,
      registryNumber: `TEST/EX/2021/${id}`,
      category,
      from,
      to,
      subject: `Subject of ${id}`,
      legalBasis: CATEGORIES[category].legalBases[0],
      replyTo: null,
      language: 'en',
      dissemination: { kind: 'addressees-only' },
      urgent: false,
      kind,
      previous: null,
      period: CATEGORIES[category].periodic ? '2021' : null,
      retainUntil: null,
      sentAt: '2021-06-02T08:00:00.000Z',
    },
    basis: { via: from === 'IND' ? 'provider' : 'addressed' },
    expired: false,
  });
}

const RECEIVED = [hit('0002', 'observer-invitation', 'ISR', ['IND', 'KAZ']), hit('0003', 'incident-consultation', 'KAZ', ['IND'])];
const SENT = [hit('0001', 'instrument-status', 'IND', ['ISR', 'KAZ'])];
const DUTIES: Duties = ExchangeDutiesView.parse({
  obligations: [{ kind: 'reply', category: 'incident-consultation', period: null, about: '0003', dueAt: '2021-06-04T08:00:00.000Z', status: 'open', metBy: null }],
  reminders: [],
  contactChecks: [],
  permissions: [{ id: 'p1', deployingState: 'UZB', hostState: 'IND', releaseTo: ['ISR'], at: '2021-06-01T08:00:00.000Z', withdrawnAt: null, withdrawalReason: null }],
  deadlines: { 'military-cv': { retentionDays: 365, leadHours: 0 }, 'incident-consultation': { replyWithinHours: 48, leadHours: 12 } },
});

let posted: unknown[] = [];

beforeEach(() => {
  posted = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      if (init.method === 'POST' && url === '/api/organisations/cica/exchange/submissions') {
        posted.push(JSON.parse(init.body as string));
        return Promise.resolve(new Response(JSON.stringify({ id: 's-new', registryNumber: 'TEST/EX/2021/0009' }), { status: 201 }));
      }
      return Promise.resolve(new Response(JSON.stringify({ status: 404, code: 'ERR_ROUTE_NOT_FOUND', detail: url }), { status: 404 }));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(options: { locale?: Locale; preset?: FormPreset | null } = {}) {
  const onSent = vi.fn();
  render(
    <LocaleProvider initial={options.locale ?? 'en'}>
      <ExchangeForm organisationId="cica" language="en" delegation="IND" sent={SENT} received={RECEIVED} duties={DUTIES} preset={options.preset ?? null} onSent={onSent} onCancel={vi.fn()} />
    </LocaleProvider>,
  );
  return onSent;
}

const byId = (id: string): HTMLElement => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`no control #${id}`);
  return element;
};

/** Fills a field's controls with the sample entry, adding rows and including groups as a person would. */
function fill(field: Field, path: readonly (string | number)[]): void {
  const key = path.join('.');
  const id = controlId('ex-body', key);
  const entry = sampleEntry(field);
  switch (field.kind) {
    case 'boolean':
      if (!(byId(id) as HTMLInputElement).checked) fireEvent.click(byId(id));
      return;
    case 'group':
      if (field.optional === true) fireEvent.click(byId(`${id}-included`));
      for (const inner of field.fields) fill(inner, [...path, inner.name]);
      return;
    case 'list': {
      const rows = (entry as unknown[]).length;
      const fieldset = byId(controlId('ex-body', `${key}.0.${field.fields[0]!.name}`)).closest('fieldset.field-list') as HTMLElement;
      for (let i = 1; i < rows; i++) fireEvent.click(within(fieldset).getByRole('button', { name: /^Add /u }));
      for (let i = 0; i < rows; i++) for (const inner of field.fields) fill(inner, [...path, i, inner.name]);
      return;
    }
    default:
      fireEvent.change(byId(id), { target: { value: entry } });
  }
}

function chooseCategory(category: CategoryId): void {
  fireEvent.change(byId('ex-category'), { target: { value: category } });
}

describe('ExchangeForm', () => {
  it.each(CATEGORY_IDS)('%s: renders its typed form and sends what the protocol accepts', async (category) => {
    const onSent = renderForm();
    chooseCategory(category);
    for (const field of CATEGORY_FIELDS[category]) fill(field, [field.name]);
    if (CATEGORIES[category].answers !== null) {
      const request = RECEIVED.find((h) => h.envelope.category === CATEGORIES[category].answers)!;
      fireEvent.change(screen.getByLabelText('In reply to'), { target: { value: request.envelope.id } });
      // Choosing the request addresses the reply to its sender.
      expect(screen.getByLabelText<HTMLInputElement>('Addressed to (state codes, separated by commas)').value).toBe(request.envelope.from);
    } else {
      fireEvent.change(screen.getByLabelText('Addressed to (state codes, separated by commas)'), { target: { value: 'isr, kaz' } });
    }
    fireEvent.change(screen.getByLabelText('Subject'), { target: { value: `A ${category} report` } });
    expect(screen.queryByLabelText('Content (JSON, in the form of the category)')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    await vi.waitFor(() => expect(onSent).toHaveBeenCalledWith('TEST/EX/2021/0009'));
    expect(posted).toHaveLength(1);
    const sent = NewSubmissionBody.parse(posted[0]);
    expect(sent).toMatchObject({ category, kind: 'report', legalBasis: CATEGORIES[category].legalBases[0], urgent: CATEGORIES[category].alwaysUrgent, language: 'en' });
    const expected = checkBody(BODY_SCHEMAS[category], CATEGORY_FIELDS[category], sampleEntries(CATEGORY_FIELDS[category]));
    expect(expected.ok).toBe(true);
    expect(sent.body).toEqual(expected.ok ? expected.body : null);
    expect(sent.period).toBe(CATEGORIES[category].periodic ? String(new Date().getFullYear()) : null);
  });

  it('keeps wrong entries on the page, each error beside its field, and sends nothing', async () => {
    renderForm();
    chooseCategory('armed-forces');
    fireEvent.change(byId('ex-body-components-0-personnel'), { target: { value: 'many' } });
    fireEvent.change(byId('ex-body-asOf'), { target: { value: '2021-06-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect((await screen.findByRole('alert')).textContent).toBe('4 fields need attention.');
    const expectError = (id: string, message: string): void => {
      const control = byId(id);
      expect(control.getAttribute('aria-invalid'), id).toBe('true');
      const described = control.getAttribute('aria-describedby')!.split(' ').map((d) => document.getElementById(d)?.textContent);
      expect(described, id).toContain(message);
    };
    expectError('ex-to', 'Name at least 1 state.');
    expectError('ex-subject', 'Fill this in.');
    expectError('ex-body-components-0-name', 'Fill this in.');
    expectError('ex-body-components-0-personnel', 'Enter a number, such as 1200 or 3.5.');
    expect(byId('ex-body-asOf').getAttribute('aria-invalid')).toBeNull();
    expect(byId('ex-body-components-0-majorUnits').getAttribute('aria-invalid')).toBeNull();
    expect(posted).toEqual([]);

    // Removing the only component: the list itself says it needs one.
    fireEvent.click(screen.getByRole('button', { name: 'Remove component 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByText('Add at least 1 entry.')).id).toBe('ex-body-components-error');
  });

  it('says what is wrong in Russian, with the plural the number takes', async () => {
    renderForm({ locale: 'ru' });
    chooseCategory('military-activity');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить' }));
    expect((await screen.findByRole('alert')).textContent).toBe('7 полей требуют внимания.');
    for (const field of CATEGORY_FIELDS['military-activity']) fill(field, [field.name]);
    fireEvent.change(byId('ex-to'), { target: { value: 'KAZ' } });
    fireEvent.change(byId('ex-subject'), { target: { value: 'Учения' } });
    fireEvent.change(byId('ex-body-end'), { target: { value: '2021-06-01T10:00' } });
    fireEvent.change(byId('ex-body-foreignParticipants'), { target: { value: 'UZ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Отправить' }));
    expect((await screen.findByText(/Используйте коды государств ISO 3166-1 alpha-3/u)).id).toBe('ex-body-foreignParticipants-error');
    expect(screen.getByText('Окончание раньше начала.').id).toBe('ex-body-end-error');
    expect(Array.from(document.querySelectorAll('[aria-invalid="true"]')).map((e) => e.id)).toEqual(['ex-body-end', 'ex-body-foreignParticipants']);
    expect(screen.getByRole('alert').textContent).toBe('2 поля требуют внимания.');
    fireEvent.change(byId('ex-body-foreignParticipants'), { target: { value: 'UZB' } });
    fireEvent.click(screen.getByRole('button', { name: 'Отправить' }));
    expect((await screen.findByRole('alert')).textContent).toBe('1 поле требует внимания.');
    expect(posted).toEqual([]);
  });

  it('sends a nil report of a periodic category in one click, and "no change" pointing to the last report', async () => {
    const onSent = renderForm();
    chooseCategory('instrument-status');
    fireEvent.change(screen.getByLabelText('Addressed to (state codes, separated by commas)'), { target: { value: 'ISR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nothing to report (nil report)' }));
    await vi.waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(NewSubmissionBody.parse(posted[0])).toMatchObject({ kind: 'nil', body: null, previous: null, subject: `Nil report: Status of accession to or ratification of instruments, ${new Date().getFullYear()}` });

    fireEvent.click(screen.getByRole('button', { name: 'No change since TEST/EX/2021/0001' }));
    await vi.waitFor(() => expect(onSent).toHaveBeenCalledTimes(2));
    expect(NewSubmissionBody.parse(posted[1])).toMatchObject({ kind: 'no-change', body: null, previous: '0001' });
    // A category reported once, not per period, has neither.
    chooseCategory('military-activity');
    expect(screen.queryByRole('button', { name: /nil report/u })).toBeNull();
  });

  it('shows the deploying state’s permission before a contingents report goes, naming what is missing', () => {
    renderForm();
    chooseCategory('foreign-contingents');
    fireEvent.change(byId('ex-body-contingents-0-deployingState'), { target: { value: 'uzb' } });
    fireEvent.change(screen.getByLabelText('Addressed to (state codes, separated by commas)'), { target: { value: 'ISR' } });
    const panel = screen.getByTestId('exchange-contingent-permissions');
    expect(within(panel).getByRole('listitem').textContent).toBe('UZB: permitted release to ISR. This submission stays within it.');

    fireEvent.change(screen.getByLabelText('Addressed to (state codes, separated by commas)'), { target: { value: 'ISR, KAZ' } });
    fireEvent.click(screen.getByLabelText('Also the secretariat'));
    expect(within(panel).getByRole('listitem').textContent).toBe(
      'UZB: permitted release to ISR. Not permitted: KAZ, the secretariat. Ask UZB to record its permission before you send.',
    );
  });

  it('tells a CV goes to the named states only, for the retention the organisation set', () => {
    renderForm();
    chooseCategory('military-cv');
    expect(screen.getByTestId('exchange-personal-data').textContent).toContain('It is kept 365 days after sending, then erased.');
    expect(screen.queryByLabelText('Also the secretariat')).toBeNull();
  });

  it('opens as a reply to a request with its reply clock', () => {
    renderForm({ preset: { category: 'incident-consultation-reply', replyTo: '0003', to: ['KAZ'] } });
    expect(screen.getByLabelText<HTMLSelectElement>('In reply to').value).toBe('0003');
    expect(screen.getByTestId('exchange-reply-clock').textContent).toMatch(/^Reply due by .*2021.* \(open\)$/u);
  });
});
