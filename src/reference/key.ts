// Greek letters that drug names write either as the letter or spelled out (α-PVP, alpha-PVP).
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  µ: 'micro',
  μ: 'micro',
};
const GREEK_RE = /[αβγδµμ]/g;
// Apostrophes vanish rather than split a word, so "People's" and "Peoples" meet.
const APOSTROPHES_RE = /['’ʼ`´]/g;
const MARKS_RE = /\p{M}+/gu;
const NOT_WORD_RE = /[^\p{L}\p{N}]+/gu;

/**
 * The key that names real files use are compared by: Unicode-compatible forms unified (full-width letters),
 * lower case, accents and diacritics dropped (Côte → cote, ё → е), Greek letters spelled out, apostrophes removed,
 * every other run of punctuation or whitespace folded to one space. Chinese and Cyrillic letters are kept.
 */
export function normaliseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(GREEK_RE, (ch) => ` ${GREEK[ch]} `)
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(APOSTROPHES_RE, '')
    .replace(NOT_WORD_RE, ' ')
    .trim()
    .normalize('NFC');
}
