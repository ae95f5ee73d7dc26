// lz-string's `decompressFromEncodedURIComponent`, with a cap on the output: it stops as soon as
// the text would pass `maxChars`, so a short code that expands to megabytes costs no more than a
// real one. Same algorithm and output as lz-string 1.5 (MIT, Copyright (c) 2013 pieroxy), which
// still makes the codes.

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map(Array.from(URI_SAFE, (ch, i) => [ch, i]));

/** Decompressed text, or why there is none. */
export type Decompressed =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'too-long' };

/**
 * The text `input` decompresses to; 'malformed' when lz-string would return null, 'too-long' as
 * soon as the text would have more than `maxChars` characters.
 */
export function decompressBounded(input: string, maxChars: number): Decompressed {
  const text = (t: string): Decompressed => ({ ok: true, text: t });
  const fail = (reason: 'malformed' | 'too-long'): Decompressed => ({ ok: false, reason });
  if (input === '') return fail('malformed');
  const length = input.length;
  const valueAt = (i: number) => VALUE.get(input.charAt(i) === ' ' ? '+' : input.charAt(i)) ?? 0;
  const RESET = 32;
  let position = RESET;
  let val = valueAt(0);
  let index = 1;
  const read = (count: number): number => {
    let bits = 0;
    for (let p = 0; p < count; p++) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = RESET;
        val = valueAt(index++);
      }
      if (bit) bits |= 1 << p;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  let c: string;
  switch (read(2)) {
    case 0:
      c = String.fromCharCode(read(8));
      break;
    case 1:
      c = String.fromCharCode(read(16));
      break;
    default:
      return text('');
  }
  dictionary[3] = c;
  let w = c;
  const result = [c];
  let total = c.length;
  for (;;) {
    if (index > length) return text('');
    let code = read(numBits);
    switch (code) {
      case 0:
        dictionary[dictSize++] = String.fromCharCode(read(8));
        code = dictSize - 1;
        enlargeIn--;
        break;
      case 1:
        dictionary[dictSize++] = String.fromCharCode(read(16));
        code = dictSize - 1;
        enlargeIn--;
        break;
      case 2:
        return text(result.join(''));
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = code > 2 ? dictionary[code] : undefined;
    if (known) entry = known;
    else if (code === dictSize) entry = w + w.charAt(0);
    else return fail('malformed');
    total += entry.length;
    if (total > maxChars) return fail('too-long');
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
