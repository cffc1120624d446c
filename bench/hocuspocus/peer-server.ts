/**
 * Hocuspocus (the Yjs collaboration server) on loopback, in memory, as the peer of the soak's
 * fan-out: a child process so that its memory and CPU are its own. Prints {"port": n}.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
process.stdout.write(JSON.stringify({ port: server.address.port }) + '\n');
