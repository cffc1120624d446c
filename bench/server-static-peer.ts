/**
 * The peer for the compiled-view benchmark: @fastify/static serving the same bytes from a
 * file, as a separate process like the server. Usage: server-static-peer.ts DIR (prints the port).
 */
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

const root = process.argv[2];
if (!root) throw new Error('usage: server-static-peer.ts DIR');
const app = Fastify({ logger: false });
await app.register(fastifyStatic, { root });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
