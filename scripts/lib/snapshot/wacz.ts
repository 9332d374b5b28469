import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WACZ } from '@harvard-lil/js-wacz';
import { WARCRecord, WARCSerializer } from 'warcio';
import { livePathForFile } from './urls';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
};

export function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}

/**
 * One WARC response record per file of the online build, at its live URL
 * (`/articles/x/`, not `…/index.html`), dated with the content's commit.
 */
export async function writeWarc(
  files: Map<string, Uint8Array>,
  origin: string,
  date: Date,
  filename: string,
): Promise<Uint8Array> {
  const warcDate = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts: Uint8Array[] = [];
  const info = WARCRecord.createWARCInfo(
    { filename, warcVersion: 'WARC/1.1' },
    {
      software: 'feigong-portal snapshot (warcio.js)',
      format: 'WARC File Format 1.1',
      description: '中国非公企业党建网 离线存档',
    },
  );
  parts.push(await WARCSerializer.serialize(info, { gzip: true }));
  for (const [path, body] of files) {
    const url = new URL(livePathForFile(path), `${origin}/`).href;
    const record = WARCRecord.create(
      {
        url,
        date: warcDate,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': contentType(path), 'Content-Length': String(body.length) },
      },
      (async function* () {
        yield body;
      })(),
    );
    parts.push(await WARCSerializer.serialize(record, { gzip: true }));
  }
  return Buffer.concat(parts);
}

/** Packs the WARC into a WACZ (indexes, pages list, datapackage) with js-wacz. */
export async function writeWacz(opts: {
  files: Map<string, Uint8Array>;
  origin: string;
  date: Date;
  output: string;
  title: string;
}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'feigong-warc-'));
  try {
    const warcName = 'feigong.warc.gz';
    const warc = join(dir, warcName);
    writeFileSync(warc, await writeWarc(opts.files, opts.origin, opts.date, warcName));
    const quiet = {
      trace() {},
      debug() {},
      info() {},
      log() {},
      warn: console.warn,
      error: console.error,
    };
    const archive = new WACZ({
      input: warc,
      output: opts.output,
      url: `${opts.origin}/`,
      ts: opts.date.toISOString(),
      title: opts.title,
      description: '中国非公企业党建网 离线存档（WARC/WACZ），网址与线上一致',
      log: quiet,
    });
    // js-wacz 0.1.6 hashes files given by path twice over (it both pipes the
    // stream into the hash and updates it per chunk), so datapackage.json
    // would carry a wrong SHA-256 for the WARC. Hash whole files instead.
    archive.sha256 = async (file: string | Uint8Array) =>
      `sha256:${createHash('sha256')
        .update(typeof file === 'string' ? readFileSync(file) : file)
        .digest('hex')}`;
    await archive.process(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
