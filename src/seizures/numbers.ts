/**
 * Locale numbers with explicit rules. A file's mapping says how its numbers are written:
 * - `point`: decimal point, optional thousands groups of exactly three digits separated by `,`, space or `'`
 *   ("1,234.5", "1 234.5", "1234.5", "5e-05");
 * - `comma`: decimal comma, groups separated by `.`, space or `'` ("1.234,5", "1 234,5", "1234,5");
 * - `auto`: whichever of the two reads the value unambiguously; a value both could read differently
 *   ("1,234" is 1234 or 1.234; "1.500" is 1500 or 1.5) is refused, never guessed.
 */
export const NUMBER_FORMATS = ['point', 'comma', 'auto'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

export type NumberResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'blank' | 'invalid' | 'ambiguous'; detail: string };

// Spaces used as group separators: space, no-break space, narrow no-break space, thin space.
const SPACES = /[ \u00a0\u202f\u2009]/g;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function grouped(intPart: string, sep: string): string | undefined {
  if (!intPart.includes(sep)) return /^\d+$/.test(intPart) ? intPart : undefined;
  const parts = intPart.split(sep);
  if (!/^\d{1,3}$/.test(parts[0] ?? '')) return undefined;
  for (const part of parts.slice(1)) if (!/^\d{3}$/.test(part)) return undefined;
  return parts.join('');
}

/** Reads `text` with one decimal separator; undefined when it is not a number written that way. */
function readWith(text: string, decimal: '.' | ','): number | undefined {
  const t = text.replace(SPACES, ' ').trim();
  const group = decimal === '.' ? [',', ' ', "'"] : ['.', ' ', "'"];
  const sign = t.startsWith('-') ? '-' : '';
  const body = t.replace(/^[+-]/, '');
  if (/[eE]/.test(body)) {
    // Scientific notation only in the plain form, with the format's decimal separator.
    const plain = decimal === ',' ? body.replace(',', '.') : body;
    if (decimal === ',' && body.includes('.')) return undefined;
    return PLAIN.test(plain) ? Number(sign + plain) : undefined;
  }
  const pieces = body.split(decimal);
  if (pieces.length > 2) return undefined;
  const [intRaw = '', frac] = pieces;
  if (frac !== undefined && !/^\d*$/.test(frac)) return undefined;
  if (intRaw === '' && (frac === undefined || frac === '')) return undefined;
  let intPart: string | undefined = intRaw === '' ? '0' : undefined;
  if (intPart === undefined) {
    const used = group.filter((g) => intRaw.includes(g));
    if (used.length > 1) return undefined;
    intPart = used.length ? grouped(intRaw, used[0]!) : /^\d+$/.test(intRaw) ? intRaw : undefined;
  }
  if (intPart === undefined) return undefined;
  const value = Number(`${sign}${intPart}${frac ? `.${frac}` : ''}`);
  return Number.isFinite(value) ? value : undefined;
}

export function parseNumber(text: string | number | null | undefined, format: NumberFormat): NumberResult {
  if (typeof text === 'number') {
    return Number.isFinite(text)
      ? { ok: true, value: text }
      : { ok: false, reason: 'invalid', detail: `${text} is not a finite number` };
  }
  const t = (text ?? '').trim();
  if (t === '') return { ok: false, reason: 'blank', detail: 'the value is blank' };
  if (format !== 'auto') {
    const value = readWith(t, format === 'point' ? '.' : ',');
    return value === undefined
      ? {
          ok: false,
          reason: 'invalid',
          detail: `"${t}" is not a number written with a decimal ${format === 'point' ? 'point' : 'comma'}`,
        }
      : { ok: true, value };
  }
  const a = readWith(t, '.');
  const b = readWith(t, ',');
  if (a === undefined && b === undefined)
    return { ok: false, reason: 'invalid', detail: `"${t}" is not a number` };
  if (a !== undefined && b !== undefined && a !== b) {
    return {
      ok: false,
      reason: 'ambiguous',
      detail: `"${t}" reads as ${a} with a decimal point and as ${b} with a decimal comma; set the number format of the mapping`,
    };
  }
  return { ok: true, value: (a ?? b)! };
}
