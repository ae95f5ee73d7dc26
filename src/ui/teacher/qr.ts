// A QR code as SVG elements (one path, one run per row of dark modules), with a quiet zone.
import * as qrModule from 'qrcode';
import { h, s } from '../dom';

// qrcode is CommonJS: some loaders expose it only as `default`.
const QR = (qrModule as typeof qrModule & { default?: typeof qrModule }).default ?? qrModule;

export function qrSvg(text: string, label: string): Element {
  let modules;
  try {
    modules = QR.create(text, { errorCorrectionLevel: 'M' }).modules;
  } catch {
    return h('p', { class: 'error' }, 'The QR code could not be made for this link.');
  }
  const margin = 4;
  const dim = modules.size + 2 * margin;
  let d = '';
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      let run = 1;
      while (c + run < modules.size && modules.get(r, c + run)) run++;
      d += `M${c + margin} ${r + margin}h${run}v1h-${run}z`;
      c += run - 1;
    }
  return s(
    'svg',
    {
      class: 'tc-qr',
      viewBox: `0 0 ${dim} ${dim}`,
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
    },
    s('rect', { width: dim, height: dim, fill: '#fff' }),
    s('path', { d, fill: '#000' }),
  );
}
