// URL sync: while a game runs, the address bar holds the link that starts the same game (built by
// the core's gameLink), so a reload or a shared link reproduces it.
import { GAME_VERSION } from '../core/codes';
import { gameLink } from '../core/params';
import type { GameRef, StartParams } from './appMachine';

export interface UrlTarget {
  readonly location: { readonly href: string };
  readonly history: Pick<History, 'replaceState'>;
}

export function linkFor(base: string, params: StartParams, pace: string | null): string {
  const link = gameLink(base, { ...params, version: GAME_VERSION });
  return pace === null ? link : `${link}${link.includes('?') ? '&' : '?'}pace=${pace}`;
}

export function connectUrlSync(
  game: GameRef,
  params: StartParams,
  win: UrlTarget,
  pace: string | null,
): () => void {
  const url = new URL(win.location.href);
  const base = `${url.origin}${url.pathname}`;
  const link = linkFor(base, params, pace);
  const write = () => {
    if (win.location.href !== link) win.history.replaceState(null, '', link);
  };
  write();
  // A finished game keeps its link; nothing else about the game changes the address.
  const subscription = game.subscribe({ complete: write });
  return () => subscription.unsubscribe();
}
