import { normaliseKey } from '../key.js';
import type { Lang } from '../model.js';

export interface AliasCandidate {
  text: string;
  target: string;
  /** Lower wins: a hand-made alias (0) beats a name (1), which beats a name a library merely also knows (2). */
  priority: number;
  note?: string | null;
  lang?: Lang;
}

export interface BuiltAlias {
  key: string;
  text: string;
  target: string;
  note: string | null;
  lang: Lang;
}

export interface AliasBuild {
  aliases: BuiltAlias[];
  /** Keys left out because they name two targets at the same priority (e.g. "Congo" for CG and CD). */
  ambiguous: { key: string; targets: string[] }[];
}

/** Detects the script of a name: Han → zh, Cyrillic → ru, anything else is taken as written in English. */
export function guessLang(text: string): Lang {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  return 'en';
}

/**
 * Turns candidate names into one alias per normalised key. A key that names two targets at its best priority is
 * an error when that priority is below `dropAmbiguousFrom` (hand-made data must be fixed), and is left out,
 * unresolvable, otherwise: never guess which one a file meant.
 */
export function buildAliases(
  candidates: readonly AliasCandidate[],
  label: string,
  dropAmbiguousFrom: number,
): AliasBuild {
  const byKey = new Map<string, AliasCandidate[]>();
  for (const candidate of candidates) {
    const key = normaliseKey(candidate.text);
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    list.push(candidate);
    byKey.set(key, list);
  }
  const aliases: BuiltAlias[] = [];
  const ambiguous: AliasBuild['ambiguous'] = [];
  for (const [key, list] of byKey) {
    const best = Math.min(...list.map((c) => c.priority));
    const winners = list.filter((c) => c.priority === best);
    const targets = [...new Set(winners.map((c) => c.target))];
    if (targets.length > 1) {
      if (best < dropAmbiguousFrom)
        throw new Error(`${label} "${winners[0]?.text}" names ${targets.join(' and ')}`);
      ambiguous.push({ key, targets });
      continue;
    }
    const first = winners[0]!;
    const note = winners.find((c) => c.note)?.note ?? null;
    aliases.push({
      key,
      text: first.text,
      target: first.target,
      note,
      lang: first.lang ?? guessLang(first.text),
    });
  }
  aliases.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { aliases, ambiguous };
}
