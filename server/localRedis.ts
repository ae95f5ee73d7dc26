// A throwaway Redis for the bench and the tests: Debian's redis-server on a port of our choosing,
// with nothing saved to disk, stopped when we are done. Nothing here runs in production.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export const redisInstalled = () => existsSync(REDIS_SERVER);

/** Whether something accepts TCP connections at host:port. */
export function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export interface LocalRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts redis-server on 127.0.0.1:port (a random free-looking port by default). */
export async function startLocalRedis(
  port = 40000 + Math.floor(Math.random() * 20000),
): Promise<LocalRedis> {
  if (!redisInstalled()) throw new Error(`${REDIS_SERVER} is not installed`);
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 100 && child.exitCode === null; i++) {
    if (await listening('127.0.0.1', port)) {
      return {
        url: `redis://127.0.0.1:${port}`,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}

/**
 * The Redis at `url`, or, when nothing answers there and it is this machine, one started on that
 * port for the caller (stop() then stops it; it is a no-op for a Redis that was already running).
 */
export async function ensureRedis(url: string): Promise<LocalRedis> {
  const { hostname, port } = new URL(url);
  const p = Number(port || 6379);
  if (await listening(hostname, p)) return { url, stop: () => Promise.resolve() };
  if (!['127.0.0.1', 'localhost'].includes(hostname)) throw new Error(`no Redis answers at ${url}`);
  const started = await startLocalRedis(p);
  return { url, stop: () => started.stop() };
}
