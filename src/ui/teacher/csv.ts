// The CSV export: every line of the list (teacherData's `toCsv`), downloaded through a Blob.
import { h } from '../dom';
import { toCsv, type Entry, type TeacherSettings } from '../teacherData';

export function downloadCsv(
  doc: Document,
  entries: readonly Entry[],
  settings: Pick<TeacherSettings, 'level' | 'seed'>,
): void {
  const blob = new Blob(['\ufeff', toCsv(entries)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const day = new Date().toISOString().slice(0, 10);
  const a = h('a', {
    href: url,
    download: `red-lines-${settings.level}-${settings.seed}-${day}.csv`,
    hidden: true,
  });
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
