/**
 * One JSON request over node:http, for load drivers: a keep-alive agent per simulated user, and
 * a local address of its own. Sign-in is rate-limited per client address (config.ts), so fifty
 * delegates signing in from one address would be refused; Linux answers the whole of 127/8 on
 * loopback, so each user gets its own 127.0.x.y — still loopback only.
 */
import http from 'node:http';

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  readonly setCookie: string[];
}

export function requestJson(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; agent?: http.Agent; localAddress?: string },
): Promise<JsonResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.agent,
        localAddress: options.localAddress,
        headers: { accept: 'application/json', ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let body: unknown = text;
          try {
            body = text === '' ? null : JSON.parse(text);
          } catch {
            // not JSON: keep the text, the caller reports it
          }
          resolve({ status: response.statusCode ?? 0, body, setCookie: response.headers['set-cookie'] ?? [] });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** The i-th distinct loopback address (127.0.1.1, 127.0.1.2, …), never 127.0.0.1 itself. */
export function loopbackAddress(i: number): string {
  return `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
}

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

export async function signIn(base: string, username: string, password: string, localAddress: string): Promise<Session> {
  const response = await requestJson(`${base}/api/auth/login`, { method: 'POST', body: { username, password }, localAddress });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return { cookie: response.setCookie[0]!.split(';')[0]!, csrf: (response.body as { csrfToken: string }).csrfToken };
}
