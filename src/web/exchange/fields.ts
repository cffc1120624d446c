/**
 * What each category's form asks, as data: one description per category, read by one renderer
 * (BodyFields.tsx) and one converter (form-value.ts). The shapes and limits are the protocol's
 * zod schemas (src/protocol/exchange.ts), which judge the result; a description only says how
 * a person enters each field and which message labels it. A test walks every schema against
 * its description, so a field added to the protocol and not here fails there.
 */
import type { CategoryId } from '../../core/index.ts';
import type { MessageId } from '../i18n/en.ts';

interface Base {
  readonly name: string;
  readonly label: MessageId;
  /** A hint shown under the field (format, unit), linked with aria-describedby. */
  readonly hint?: MessageId;
  /** What to say when the entry has the wrong form (a pattern the schema checks). */
  readonly format?: MessageId;
}

export type Field =
  /** Text; `optional`: empty means null. */
  | (Base & { readonly kind: 'text'; readonly multiline?: boolean; readonly optional?: boolean; readonly type?: 'email' | 'tel' })
  /** A state's ISO 3166-1 alpha-3 code, turned to capitals. */
  | (Base & { readonly kind: 'state' })
  /** A number; `optional`: empty means null. */
  | (Base & { readonly kind: 'number'; readonly integer: boolean; readonly optional?: boolean })
  /** A calendar date (ISO 8601); `optional`: empty means null. */
  | (Base & { readonly kind: 'date'; readonly optional?: boolean })
  /** A date and time entered in the browser's time zone, sent as a UTC instant. */
  | (Base & { readonly kind: 'instant' })
  /** One of the schema's values, each with its own message. */
  | (Base & { readonly kind: 'choice'; readonly options: readonly { readonly value: string; readonly label: MessageId }[] })
  | (Base & { readonly kind: 'boolean' })
  /** State codes separated by commas or spaces. */
  | (Base & { readonly kind: 'states' })
  /** Texts, one per line. */
  | (Base & { readonly kind: 'lines' })
  /** A nested object; `optional`: a checkbox includes it, otherwise null. */
  | (Base & { readonly kind: 'group'; readonly fields: readonly Field[]; readonly optional?: boolean })
  /** Rows of the same fields; `item` labels one row ({n}), `add` the button that adds one. */
  | (Base & { readonly kind: 'list'; readonly fields: readonly Field[]; readonly item: MessageId; readonly add: MessageId; readonly remove: MessageId });

const text = (name: string, label: MessageId, more: { multiline?: boolean; optional?: boolean; hint?: MessageId; format?: MessageId } = {}): Field => ({ kind: 'text', name, label, ...more });
const integer = (name: string, label: MessageId, optional = false): Field => ({ kind: 'number', name, label, integer: true, optional });
const notes = text('notes', 'exchange.f.notes', { multiline: true, optional: true });
const asOf: Field = { kind: 'date', name: 'asOf', label: 'exchange.f.asOf' };

export const CATEGORY_FIELDS: { readonly [C in CategoryId]: readonly Field[] } = {
  'armed-forces': [
    asOf,
    {
      kind: 'list',
      name: 'components',
      label: 'exchange.f.components',
      item: 'exchange.f.component',
      add: 'exchange.f.component.add',
      remove: 'exchange.f.component.remove',
      fields: [
        {
          kind: 'choice',
          name: 'service',
          label: 'exchange.f.service',
          options: (['land', 'air', 'naval', 'air-defence', 'other'] as const).map((value) => ({ value, label: `exchange.f.service.${value}` as const })),
        },
        text('name', 'exchange.f.componentName'),
        integer('personnel', 'exchange.f.personnel'),
        integer('majorUnits', 'exchange.f.majorUnits', true),
      ],
    },
    notes,
  ],
  'defence-budget': [
    integer('fiscalYear', 'exchange.f.fiscalYear'),
    text('currency', 'exchange.f.currency', { hint: 'exchange.f.currency.hint', format: 'exchange.error.currency' }),
    { kind: 'number', name: 'total', label: 'exchange.f.total', integer: false },
    {
      kind: 'list',
      name: 'lines',
      label: 'exchange.f.budgetLines',
      item: 'exchange.f.budgetLine',
      add: 'exchange.f.budgetLine.add',
      remove: 'exchange.f.budgetLine.remove',
      fields: [text('heading', 'exchange.f.heading'), { kind: 'number', name: 'amount', label: 'exchange.f.amount', integer: false }],
    },
    notes,
  ],
  'foreign-contingents': [
    asOf,
    {
      kind: 'list',
      name: 'contingents',
      label: 'exchange.f.contingents',
      item: 'exchange.f.contingent',
      add: 'exchange.f.contingent.add',
      remove: 'exchange.f.contingent.remove',
      fields: [
        { kind: 'state', name: 'deployingState', label: 'exchange.f.deployingState', hint: 'exchange.f.state.hint' },
        text('location', 'exchange.f.location'),
        integer('strength', 'exchange.f.strength'),
        text('mission', 'exchange.f.mission', { multiline: true }),
      ],
    },
  ],
  'military-activity': [
    text('title', 'exchange.f.activityTitle'),
    { kind: 'choice', name: 'activity', label: 'exchange.f.activity', options: [{ value: 'exercise', label: 'exchange.f.activity.exercise' }, { value: 'activity', label: 'exchange.f.activity.activity' }] },
    { kind: 'instant', name: 'start', label: 'exchange.f.start' },
    { kind: 'instant', name: 'end', label: 'exchange.f.end' },
    text('area', 'exchange.f.area', { multiline: true }),
    integer('personnel', 'exchange.f.personnel'),
    { kind: 'states', name: 'foreignParticipants', label: 'exchange.f.foreignParticipants', hint: 'exchange.f.states.hint' },
    { kind: 'boolean', name: 'observersInvited', label: 'exchange.f.observersInvited' },
  ],
  'observer-invitation': [
    text('exercise', 'exchange.f.exercise'),
    { kind: 'date', name: 'start', label: 'exchange.f.startDate' },
    { kind: 'date', name: 'end', label: 'exchange.f.endDate' },
    text('place', 'exchange.f.place'),
    integer('observersPerState', 'exchange.f.observersPerState'),
  ],
  'observer-invitation-reply': [
    { kind: 'boolean', name: 'accepted', label: 'exchange.f.accepted' },
    integer('observers', 'exchange.f.observers'),
    text('note', 'exchange.f.note', { multiline: true, optional: true }),
  ],
  'incident-consultation': [
    { kind: 'instant', name: 'occurredAt', label: 'exchange.f.incidentAt' },
    text('location', 'exchange.f.location'),
    { kind: 'states', name: 'nearBorderWith', label: 'exchange.f.nearBorderWith', hint: 'exchange.f.states.hint' },
    text('description', 'exchange.f.incident', { multiline: true }),
    text('requestedAction', 'exchange.f.requestedAction', { multiline: true }),
  ],
  'incident-consultation-reply': [
    text('response', 'exchange.f.response', { multiline: true }),
    {
      kind: 'group',
      name: 'meetingProposed',
      label: 'exchange.f.meetingProposed',
      optional: true,
      fields: [{ kind: 'instant', name: 'at', label: 'exchange.f.meetingAt' }, text('place', 'exchange.f.meetingPlace')],
    },
  ],
  'military-cv': [
    {
      kind: 'group',
      name: 'person',
      label: 'exchange.f.person',
      fields: [text('name', 'exchange.f.personName'), text('rank', 'exchange.f.rank'), text('position', 'exchange.f.position')],
    },
    {
      kind: 'list',
      name: 'career',
      label: 'exchange.f.career',
      item: 'exchange.f.post',
      add: 'exchange.f.post.add',
      remove: 'exchange.f.post.remove',
      fields: [
        { kind: 'date', name: 'from', label: 'exchange.f.from' },
        { kind: 'date', name: 'to', label: 'exchange.f.until', optional: true },
        text('post', 'exchange.f.postName'),
      ],
    },
    { kind: 'lines', name: 'education', label: 'exchange.f.education', hint: 'exchange.f.lines.hint' },
  ],
  'instrument-status': [
    {
      kind: 'list',
      name: 'instruments',
      label: 'exchange.f.instruments',
      item: 'exchange.f.instrument',
      add: 'exchange.f.instrument.add',
      remove: 'exchange.f.instrument.remove',
      fields: [
        text('instrument', 'exchange.f.instrumentName'),
        {
          kind: 'choice',
          name: 'status',
          label: 'exchange.f.status',
          options: (['not-party', 'signed', 'in-progress', 'ratified', 'acceded'] as const).map((value) => ({ value, label: `exchange.f.status.${value}` as const })),
        },
        { kind: 'date', name: 'date', label: 'exchange.f.statusDate', optional: true },
      ],
    },
  ],
  'points-of-contact': [
    {
      kind: 'list',
      name: 'authorities',
      label: 'exchange.f.authorities',
      item: 'exchange.f.authority',
      add: 'exchange.f.authority.add',
      remove: 'exchange.f.authority.remove',
      fields: [
        { kind: 'choice', name: 'field', label: 'exchange.f.field', options: [{ value: '2.4.4', label: 'exchange.f.field.2.4.4' }, { value: '2.3.5', label: 'exchange.f.field.2.3.5' }] },
        text('name', 'exchange.f.authorityName'),
        { kind: 'text', name: 'email', label: 'exchange.f.email', optional: true, type: 'email' },
        { kind: 'text', name: 'phone', label: 'exchange.f.phone', optional: true, type: 'tel' },
        text('address', 'exchange.f.address', { multiline: true, optional: true }),
        {
          kind: 'choice',
          name: 'availability',
          label: 'exchange.f.availability',
          options: [{ value: 'round-the-clock', label: 'exchange.f.availability.round-the-clock' }, { value: 'office-hours', label: 'exchange.f.availability.office-hours' }],
        },
      ],
    },
  ],
  disaster: [
    { kind: 'choice', name: 'hazard', label: 'exchange.hazard', options: [{ value: 'natural', label: 'exchange.hazard.natural' }, { value: 'industrial', label: 'exchange.hazard.industrial' }] },
    text('event', 'exchange.event'),
    { kind: 'instant', name: 'occurredAt', label: 'exchange.occurredAt' },
    text('location', 'exchange.location'),
    { kind: 'states', name: 'mayAffect', label: 'exchange.f.mayAffect', hint: 'exchange.f.states.hint' },
    text('description', 'exchange.description', { multiline: true }),
    { kind: 'boolean', name: 'assistanceRequested', label: 'exchange.assistance' },
  ],
};
