/** Conditional GET: answers 304 when the client already holds the representation. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  const match = header.split(',').some((tag) => tag.trim().replace(/^W\//u, '') === etag.replace(/^W\//u, '') || tag.trim() === '*');
  if (match) reply.code(304);
  return match;
}

