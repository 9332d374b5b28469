/** Serve a built site for browser tests (see scripts/lib/serve/static-server.ts). */
export {
  serveStatic,
  serveStatic as serve,
  type StaticServer,
  type StaticServer as Served,
  type ServeOptions,
} from '../../scripts/lib/serve/static-server';
