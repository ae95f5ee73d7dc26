// Talking to the live server from the browser. Every failure becomes one plain sentence.

/** Where the live server is: ?server=…, else next to Vite in development, else this origin. */
export function liveServerUrl(location: Location = window.location): string {
  const param = new URLSearchParams(location.search).get('server');
  if (param && /^https?:\/\/[^\s]+$/.test(param)) return param.replace(/\/$/, '');
  if (import.meta.env.DEV) return `${location.protocol}//${location.hostname}:2567`;
  return location.origin;
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
