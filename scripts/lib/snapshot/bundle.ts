import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles the search page's code into one classic script (IIFE): modules do not load from file://. */
export async function bundleSearchApp(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser/app.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
