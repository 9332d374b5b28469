/**
 * A Markdown render worker (render-pool.ts): the site's Markdown configuration
 * (config.ts) through Astro's processor (renderer.ts), one chunk of bodies per
 * message. Plain JavaScript because a worker thread starts in plain Node, also
 * under `astro build`, and must load the TypeScript modules itself (tsx).
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { createBodyRenderer } = await import('./renderer.ts');
const render = await createBodyRenderer();

parentPort.on('message', async (/** @type {{ id: number, bodies: string[] }} */ chunk) => {
  const html = [];
  for (const body of chunk.bodies) {
    try {
      html.push(await render(body));
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      parentPort.postMessage({ id: chunk.id, html, error });
      return;
    }
  }
  parentPort.postMessage({ id: chunk.id, html });
});
parentPort.postMessage({ ready: true });
