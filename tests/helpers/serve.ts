import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
};

export interface Served { url: string; server: Server; close: () => Promise<void> }

/** Serves a built site folder on an ephemeral localhost port, like a CDN would (dir/ → dir/index.html). */
export interface ServeOptions {
  /** Send Cache-Control max-age (seconds), as a CDN would; default: no caching headers. */
  cacheSeconds?: number;
  /** Called with every response's path and body size, for transfer measurements. */
  onBytes?: (path: string, bytes: number) => void;
}

export async function serve(root: string, opts: ServeOptions = {}): Promise<Served> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      const notFound = join(root, '404.html');
      return void (existsSync(notFound) ? createReadStream(notFound).pipe(res) : res.end('404'));
    }
    const size = statSync(file).size;
    opts.onBytes?.(path, size);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(size),
      ...(opts.cacheSeconds ? { 'cache-control': `public, max-age=${opts.cacheSeconds}` } : {}),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}
