/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   API responses are untyped JSON here. */
/**
 * The API fuzzed from its own OpenAPI description: every route, as the secretariat and as a
 * delegate (with their CSRF tokens, so requests reach the handlers), with hostile path and
 * query values, bodies that are malformed JSON, of the wrong type, deeply nested, oversized,
 * full of unicode edge cases (lone surrogates, NUL, bidi overrides, combining marks) and
 * prototype-pollution keys, and bodies shaped like the schema with one property spoiled at a
 * time. Not one answer may be a 5xx, every error must be problem+json with no stack trace,
 * and the server must still answer afterwards.
 *
 * Runs FUZZ_SECONDS (default 10) after a first full pass over every route; the seed is
 * printed (replay with FUZZ_SEED=…). The long run: FUZZ_SECONDS=600 npx vitest run src/server/http/api-fuzz.test.ts
 * Server-Sent Events routes (…/live) are left out: they answer by streaming, never ending; live.test.ts covers them.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { below, prng } from '../../../test/support/prng.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { login, makeTestApp, ORG, SMALL_DRAFT, USERS, type TestApp } from '../test-support/fixtures.ts';

const SEED = process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 10);

const HOSTILE_STRINGS = [
  '',
  ' ',
  '../../../etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '<script>alert(1)</script>',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u2066evil\u2069',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\ufeff',
  '𝕏😀👩‍👩‍👧‍👦',
  'x'.repeat(10_000),
  '__proto__',
  'constructor',
  '1e309',
  '-1',
  '0',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  'ÅÄÖ ё қ ә',
];
const HOSTILE_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, [], {}, [null], { __proto__: { polluted: true } }, ...HOSTILE_STRINGS];
/** What each property of a schema-shaped body is spoiled with, one at a time. */
const SPOILERS: unknown[] = [null, 0, -1, 1e308, 2 ** 53 + 1, true, [], {}, '', '\u0000', '\ud800', '\u202eevil', 'x'.repeat(10_000), '<img src=x onerror=alert(1)>', { __proto__: { polluted: true } }];
const RAW_BODIES = ['{', '{"a":', '[1,2', 'null', 'undefined', '"unterminated', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '\u0000', '{}'.padEnd(100, ' ')];

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value, b: [value === 'bottom' ? 1 : null] };
  return value;
}

/** The part of JSON Schema the fuzzer reads. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly format?: string;
}

interface OpenApiOperation {
  readonly parameters?: readonly { readonly in: string; readonly name: string }[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> };
}

/** A value of the schema's shape: required properties filled, enums at their first value. */
function shaped(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return shaped(choice.find((s) => s.type !== 'null') ?? choice[0], depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => shaped(s, depth + 1)));
  const type = typeof schema.type === 'string' ? schema.type : schema.type?.find((t) => t !== 'null');
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = shaped(schema.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => shaped(schema.items, depth + 1)) : [];
    case 'string':
      if (schema.format === 'date-time') return '2021-06-02T08:00:00.000Z';
      if (schema.format === 'date') return '2021-06-02';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly bodySchema: JsonSchema | undefined;
  readonly hasBody: boolean;
}

interface Case {
  readonly url: string;
  readonly payload?: string;
  readonly contentType?: string;
}

describe.each(DATABASE_KINDS)('the API fuzzed from its OpenAPI description on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let operations: Operation[];
  const known: Record<string, string> = { organisationId: ORG };

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    const doc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json();
    known.documentId = doc.document.id;
    const state = (await t.request('ind', 'GET', `/api/documents/${known.documentId}/provisions`)).json();
    known.provisionId = (state.provisions ?? state)[0]?.id ?? 'p1';
    known.delegation = 'IND';
    const spec = (await t.request(null, 'GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, OpenApiOperation>> };
    operations = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (path.endsWith('/live')) continue;
        const parameters = op.parameters ?? [];
        const json = op.requestBody?.content?.['application/json'];
        operations.push({
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          bodySchema: json?.schema,
          hasBody: json !== undefined,
        });
      }
    }
    console.log(`api-fuzz on ${kind}: seed ${SEED}, ${operations.length} operations, ${SECONDS} s after the first pass (replay: FUZZ_SEED=${SEED})`);
  }, 120_000);
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  /** Percent-encoded; a lone surrogate, which UTF-8 cannot hold, goes as the bytes a broken client would send. */
  const encoded = (value: string): string => {
    try {
      return encodeURIComponent(value);
    } catch {
      return value.replace(/[\ud800-\udfff]/gu, '%ED%A0%80').replace(/[^%]+/gu, (part) => encodeURIComponent(part));
    }
  };

  function urlOf(op: Operation, pick: (name: string) => string, query: Record<string, string>): string {
    let url = op.path;
    for (const name of op.pathParams) url = url.replace(`{${name}}`, encoded(pick(name)));
    const search = new URLSearchParams(query).toString();
    return search ? `${url}?${search}` : url;
  }

  /** The curated cases of one operation: each hostile value in each place once. */
  function curated(op: Operation): Case[] {
    const real = (name: string) => known[name] ?? 'no-such-id';
    const cases: Case[] = [{ url: urlOf(op, real, {}) }];
    for (const name of op.pathParams) for (const value of HOSTILE_STRINGS.slice(0, 16)) cases.push({ url: urlOf(op, (n) => (n === name ? value || '-' : real(n)), {}) });
    for (const name of op.queryParams) for (const value of HOSTILE_STRINGS.slice(0, 16)) cases.push({ url: urlOf(op, real, { [name]: value }) });
    if (op.hasBody || op.method !== 'GET') {
      const url = urlOf(op, real, {});
      const base = shaped(op.bodySchema);
      cases.push({ url, payload: JSON.stringify(base), contentType: 'application/json' });
      for (const raw of RAW_BODIES) cases.push({ url, payload: raw, contentType: 'application/json' });
      cases.push({ url, payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' });
      cases.push({ url, payload: '<xml/>', contentType: 'text/xml' });
      cases.push({ url, payload: JSON.stringify(nested(2000)), contentType: 'application/json' });
      cases.push({ url, payload: JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) }), contentType: 'application/json' });
      for (const value of HOSTILE_VALUES) cases.push({ url, payload: JSON.stringify(value), contentType: 'application/json' });
      if (base && typeof base === 'object' && !Array.isArray(base)) {
        for (const key of Object.keys(base)) {
          for (const value of SPOILERS) cases.push({ url, payload: JSON.stringify({ ...base, [key]: value }), contentType: 'application/json' });
        }
      }
    }
    return cases;
  }

  /** Random cases: generated JSON and strings in every place. */
  function random(op: Operation, rng: () => number): Case {
    const real = (name: string) => known[name] ?? 'no-such-id';
    const string = () => fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { seed: below(rng, 2 ** 31), numRuns: 1 })[0]!;
    const url = urlOf(op, (name) => (below(rng, 3) === 0 ? string() || '-' : real(name)), Object.fromEntries(op.queryParams.filter(() => rng() < 0.5).map((name) => [name, string()])));
    if (!(op.hasBody || op.method !== 'GET')) return { url };
    const base = shaped(op.bodySchema);
    const json = fc.sample(fc.jsonValue({ maxDepth: 4 }), { seed: below(rng, 2 ** 31), numRuns: 1 })[0];
    const payload = base && typeof base === 'object' && !Array.isArray(base) && rng() < 0.5 ? { ...base, [Object.keys(base)[below(rng, Object.keys(base).length)] ?? 'x']: json } : json;
    return { url, payload: JSON.stringify(payload), contentType: 'application/json' };
  }

  it('answers every route and every hostile input without a 5xx, a stack trace or a crash', async () => {
    const who = ['secretariat', 'ind'] as const;
    const sessions = { secretariat: t.sessions.secretariat, ind: t.sessions.ind };
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    const send = async (user: (typeof who)[number], op: Operation, c: Case): Promise<void> => {
      const headers: Record<string, string> = { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf };
      if (c.contentType) headers['content-type'] = c.contentType;
      const response = await t.app.inject({ method: op.method as 'GET', url: c.url, headers, ...(c.payload === undefined ? {} : { payload: c.payload }) });
      requests += 1;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const where = `${user} ${op.method} ${c.url.slice(0, 120)} ${c.payload === undefined ? '' : c.payload.slice(0, 80)}`;
      if (response.statusCode >= 500) failures.push(`${response.statusCode} ${where}: ${response.body.slice(0, 200)}`);
      else if (response.statusCode >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json')) failures.push(`${response.statusCode} not problem+json: ${where}`);
      if (/\n\s+at [\w.<>]+ \(|node_modules\//u.test(response.body)) failures.push(`a stack trace or path in the answer: ${where}`);
      // The fuzzer signed itself out (an empty body is a valid sign-out): sign in again.
      if (op.path === '/api/auth/logout' && response.statusCode === 204) sessions[user] = await login(t.app, USERS[user].username);
    };
    // Each curated case once, the two callers taking turns (validation runs before the handler's own checks, for either).
    for (const op of operations) for (const [index, c] of curated(op).entries()) await send(who[index % 2]!, op, c);
    const curatedRequests = requests;
    const rng = prng(SEED);
    const until = Date.now() + SECONDS * 1000;
    while (Date.now() < until) {
      const op = operations[below(rng, operations.length)]!;
      await send(who[below(rng, 2)]!, op, random(op, rng));
    }
    console.log(`api-fuzz on ${kind}: ${requests} requests (${curatedRequests} curated), statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}, seed ${SEED}`);
    expect(failures.slice(0, 30)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 'the server still answers').toBe(200);
  }, (SECONDS + 240) * 1000);
});
