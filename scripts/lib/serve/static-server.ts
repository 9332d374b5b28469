/**
 * A tiny static server for a built site, for browser tests and Lighthouse:
 * serves `index.html` for folders, `404.html` (status 404) on misses, and,
 * when given `_headers` rules, the same response headers the CDN would send,
 * and an ETag, answering a matching If-None-Match with 304 as a CDN does
 * (so `max-age=0, must-revalidate` costs a round trip, not the bytes).
 * With a certificate it speaks HTTP/2 over TLS, as a CDN does (many small
 * requests at once on one connection instead of six at a time).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type ServerHttp2Session,
} from 'node:http2';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { headersFor, parseHeaders, type HeaderRule } from '../../../src/lib/headers/rules';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  server: Server | Http2SecureServer;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Apply the site's `_headers` file (true) or these rules. */
  headers?: boolean | HeaderRule[];
  /** Send `Cache-Control: max-age` (seconds) where no rule sets one, for transfer measurements. */
  cacheSeconds?: number;
  /** Called with every response's path and the bytes sent (after gzip). */
  onBytes?: (path: string, bytes: number) => void;
  /** Serve HTTP/2 over TLS (HTTP/1.1 too) with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

export async function serveStatic(root: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const rules: HeaderRule[] =
    opts.headers === true
      ? parseHeaders(readFileSync(join(root, '_headers'), 'utf8'))
      : Array.isArray(opts.headers)
        ? opts.headers
        : [];
  const handle = (
    req: IncomingMessage | Http2ServerRequest,
    response: ServerResponse | Http2ServerResponse,
  ) => {
    // HTTP/2's compatibility response has the same writeHead/write/end/events used here.
    const res = response as ServerResponse;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, path));
    let status = 200;
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file) || path.endsWith('/_headers')) {
      status = 404;
      file = join(root, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const st = statSync(file);
    const etag = `W/"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
    const extra = { ...headersFor(rules, path), ...(status === 200 ? { ETag: etag } : {}) };
    const cacheControl = opts.cacheSeconds
      ? { 'Cache-Control': `max-age=${opts.cacheSeconds}` }
      : {};
    if (status === 200 && req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, { ...cacheControl, ...extra }).end();
      return;
    }
    // Text is sent gzipped when the client accepts it, as a CDN would.
    const gzip =
      /^(text\/|application\/(json|xml)|image\/svg)/.test(type) &&
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, {
      'Content-Type': type,
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      ...cacheControl,
      ...extra,
    });
    if (opts.onBytes) {
      let sent = 0;
      const write = res.write.bind(res);
      res.write = ((chunk: Buffer | string, ...rest: never[]) => {
        sent += Buffer.byteLength(chunk);
        return write(chunk, ...rest);
      }) as typeof res.write;
      res.on('finish', () => opts.onBytes!(path, sent));
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const body = createReadStream(file);
    if (gzip) body.pipe(createGzip()).pipe(res);
    else body.pipe(res);
  };
  // HTTP/2 sessions are closed by hand: its server has no closeAllConnections().
  const sessions = new Set<ServerHttp2Session>();
  const server: Server | Http2SecureServer = opts.tls
    ? createSecureServer({ ...opts.tls, allowHTTP1: true }, handle).on(
        'session',
        (s: ServerHttp2Session) => {
          sessions.add(s);
          s.on('close', () => sessions.delete(s));
        },
      )
    : createServer(handle);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        for (const s of sessions) s.destroy();
        server.close(() => ok());
      }),
  };
}
