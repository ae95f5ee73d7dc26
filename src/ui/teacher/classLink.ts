// The class link: the game's own link (`gameLink`), one per group when seats rotate. The round
// timer is a clock on the teacher's screen only, so the link carries no `timer=`.
import { GAME_VERSION } from '../../core/codes';
import { gameLink } from '../../core/params';
import type { Party } from '../../core/parties';
import { GROUPS, groupRole, type TeacherSettings } from '../teacherData';

export interface ClassLink {
  /** 1–4 when seats rotate by group, else null. */
  readonly group: number | null;
  readonly role: Party;
  readonly url: string;
}

export function classLinks(base: string, settings: TeacherSettings): ClassLink[] {
  const link = (role: Party) =>
    gameLink(base, {
      level: settings.level,
      seed: settings.seed,
      role,
      difficulty: settings.difficulty,
      mode: 'solo',
      version: GAME_VERSION,
    });
  if (settings.seating === 'same')
    return [{ group: null, role: settings.role, url: link(settings.role) }];
  return Array.from({ length: GROUPS }, (_, k) => ({
    group: k + 1,
    role: groupRole(k + 1),
    url: link(groupRole(k + 1)),
  }));
}
