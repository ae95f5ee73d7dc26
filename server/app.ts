// Builds the live server: Colyseus (WebSocket transport, Redis scale-out when asked), the class
// API, and optionally the production build as static files, all on one HTTP server and port.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { LocalDriver, LocalPresence, Server, matchMaker } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { handleApi } from './classes';
import { setContext, type LiveConfig } from './context';
import { MAX_MESSAGE_BYTES } from './protocol';
import { RedisStore, SqliteStore, type Store } from './store';
import { TableRoom } from './tableRoom';

export interface LiveServerOptions {
  port: number;
  host?: string;
  redisUrl?: string;
  /** SQLite file when there is no Redis. */
  dbFile?: string;
  store?: Store;
  config?: Partial<LiveConfig>;
  /** Serve this directory (the production build) for every other path. */
  staticDir?: string;
  /** host:port clients reach this process at, when several processes share Redis. */
  publicAddress?: string;
  /** Rebuild the open tables from the store (only one process of several should). */
  rebuild?: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.txt': 'text/plain; charset=utf-8',
};

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  let file = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not built: run npm run build.');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

export async function startLiveServer(options: LiveServerOptions) {
  const store =
    options.store ??
    (options.redisUrl
      ? new RedisStore(options.redisUrl)
      : new SqliteStore(options.dbFile ?? 'data/live.sqlite'));
  setContext({ store, config: options.config ?? {} });
  const staticRoot = options.staticDir ? resolve(options.staticDir) : null;
  const http = createServer((req, res) => {
    if (handleApi(req, res)) return;
    if (staticRoot) serveStatic(staticRoot, req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Red Lines live server');
  });
  const server = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES }),
    presence: options.redisUrl ? new RedisPresence(options.redisUrl) : new LocalPresence(),
    driver: options.redisUrl ? new RedisDriver(options.redisUrl) : new LocalDriver(),
    greet: false,
    gracefullyShutdown: false,
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
  });
  server.define('table', TableRoom);
  await server.listen(options.port, options.host);
  if (options.rebuild !== false) await rebuildOpenTables(store);
  return {
    server,
    http,
    store,
    port: (http.address() as { port: number }).port,
    async close() {
      await server.gracefullyShutdown(false);
      await store.close();
    },
  };
}

/** After a restart: every open, started table comes back from its moves (the same stateHash). */
export async function rebuildOpenTables(store: Store) {
  let count = 0;
  for (const table of await store.openTables()) {
    const existing = await matchMaker.query({ roomId: table.id });
    if (existing.length > 0) continue;
    try {
      await matchMaker.createRoom('table', { tableId: table.id });
      count++;
    } catch (e) {
      console.error('live: could not rebuild table', table.id, e);
    }
  }
  return count;
}
