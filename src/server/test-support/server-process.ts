/** Runs `src/server/main.ts` as a child process, as an operator would, for durability and scale-out tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../db/package-root.ts';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly base: string;
  /** Demo passwords printed on the first start, by user name (empty on later starts). */
  readonly passwords: Record<string, string>;
  readonly output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `entry: 'bundle'` runs dist/server/main.mjs, as `npm start` does (benchmarks measure what
 * operators run); tests run the sources through tsx, so they never test a stale bundle.
 */
export function startServer(env: Record<string, string>, timeoutMs = 30_000, entry: 'source' | 'bundle' = 'source', nodeOptions: readonly string[] = []): Promise<ServerProcess> {
  const root = packageRoot();
  const args = [...nodeOptions, ...(entry === 'bundle' ? [join(root, 'dist', 'server', 'main.mjs')] : ['--import', 'tsx', join(root, 'src', 'server', 'main.ts')])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PARLEY_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const ready = /^parley: ready on port (\d+)/mu.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      const port = Number(ready[1]);
      const passwords: Record<string, string> = {};
      for (const match of output.matchAll(/^ {2}(\S+) +(\S{20}) {3}/gmu)) passwords[match[1]!] = match[2]!;
      resolve({
        child,
        port,
        base: `http://127.0.0.1:${port}`,
        passwords,
        output: () => output,
        async kill(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** A port that was free a moment ago: for a server that must come back on the same address after a restart. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface HttpSession {
  readonly cookie: string;
  readonly csrf: string;
}

export async function httpLogin(base: string, username: string, password: string): Promise<HttpSession> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}
