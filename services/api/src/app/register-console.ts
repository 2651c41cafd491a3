import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Serves the built console from memory: the file set is fixed at startup (no path from a request
 * ever reaches the file system), hashed assets are cached for a year, and every other path gets
 * index.html so the console's own router can handle it.
 */
export async function registerConsole(
  app: FastifyInstance,
  dir: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply> {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const file of await listFiles(dir)) {
    const type = TYPES[extname(file)];
    if (type === undefined) continue;
    files.set(`/${relative(dir, file).split('\\').join('/')}`, { body: await readFile(file), type });
  }
  const index = files.get('/index.html');
  if (index === undefined)
    throw new Error(`${dir} has no index.html: build the console first (npm run build -w @vigil/api)`);
  app.log.info({ dir, files: files.size }, 'serving the console');
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const file = files.get(path);
    if (file === undefined)
      return reply.code(200).type(index.type).header('cache-control', 'no-cache').send(index.body);
    const immutable = path.startsWith('/assets/');
    return reply
      .code(200)
      .type(file.type)
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(file.body);
  };
}
