// Talking to the live server from the browser. Every failure becomes one plain sentence.

/** The ?server=… this page was opened with, when it names an http(s) address. */
function serverParam(location: Location): string | null {
  const param = new URLSearchParams(location.search).get('server');
  return param && /^https?:\/\/[^\s]+$/.test(param) ? param.replace(/\/$/, '') : null;
}

/** Where the live server is: ?server=…, else next to Vite in development, else this origin. */
export function liveServerUrl(location: Location = window.location): string {
  const param = serverParam(location);
  if (param) return param;
  if (import.meta.env.DEV) return `${location.protocol}//${location.hostname}:2567`;
  return location.origin;
}

/** The link students open for a class; it keeps ?server=… so they reach the same live server. */
export function liveLink(code: string, location: Location = window.location): string {
  const server = serverParam(location);
  const query = `?live=${code}${server ? `&server=${encodeURIComponent(server)}` : ''}`;
  return `${location.origin}${location.pathname}${query}`;
}

export const UNREACHABLE =
  'The live server cannot be reached, so live play is not available right now. Solo and hot-seat games still work.';

export class LiveError extends Error {}

export async function api<T>(
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${liveServerUrl()}/live/api/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new LiveError(UNREACHABLE);
  }
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const message = (data as { message?: unknown } | null)?.message;
    throw new LiveError(typeof message === 'string' ? message : UNREACHABLE);
  }
  return data as T;
}

export const messageOf = (e: unknown): string =>
  e instanceof LiveError
    ? e.message
    : 'Something went wrong with live play. Try reloading the page.';
