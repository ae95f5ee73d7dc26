// npm run live:server (development, next to Vite) and npm run serve (the build and the live
// server on one port). Environment: PORT, HOST, REDIS_URL, LIVE_DB, LIVE_COMPUTER_DELAY_MS,
// LIVE_STATIC (a directory to serve), LIVE_PUBLIC_ADDRESS, LIVE_REBUILD=0.
import { startLiveServer } from './app';

const env = process.env;
const port = Number(env.PORT ?? 2567);
const live = await startLiveServer({
  port,
  host: env.HOST ?? '0.0.0.0',
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  ...(env.LIVE_DB ? { dbFile: env.LIVE_DB } : {}),
  ...(env.LIVE_STATIC ? { staticDir: env.LIVE_STATIC } : {}),
  ...(env.LIVE_PUBLIC_ADDRESS ? { publicAddress: env.LIVE_PUBLIC_ADDRESS } : {}),
  rebuild: env.LIVE_REBUILD !== '0',
  config: { computerDelayMs: Number(env.LIVE_COMPUTER_DELAY_MS ?? 900) },
});
console.log(
  `Red Lines live server on port ${live.port}${env.LIVE_STATIC ? ` (serving ${env.LIVE_STATIC})` : ''}${env.REDIS_URL ? ' with Redis' : ''}`,
);
const stop = () => {
  void live.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
