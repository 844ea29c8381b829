/** How a file writes dates; a mapping names one, nothing is guessed between day-first and month-first. */
export const DATE_FORMATS = ['iso', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type DateResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'blank' | 'invalid'; detail: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function valid(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : undefined;
}

/**
 * A calendar date as YYYY-MM-DD. `iso` takes 2014-03-09 (and a time after it); `dmy` 09/03/2014, 9.3.2014 or
 * 9-3-2014; `mdy` 03/09/2014. A spreadsheet date cell (a Date) is taken at its UTC calendar day.
 */
export function parseDate(value: string | number | Date | null | undefined, format: DateFormat): DateResult {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      return { ok: false, reason: 'invalid', detail: 'the date cell is not a date' };
    const v = valid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return v
      ? { ok: true, value: v }
      : { ok: false, reason: 'invalid', detail: `${value.toISOString()} is out of range` };
  }
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') return { ok: false, reason: 'blank', detail: 'the date is blank' };
  let parts: RegExpExecArray | null;
  let y: number;
  let m: number;
  let d: number;
  if (format === 'iso') {
    parts = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
    if (!parts) return { ok: false, reason: 'invalid', detail: `"${text}" is not a date written YYYY-MM-DD` };
    [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  } else {
    parts = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
    if (!parts) {
      const shape = format === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
      return { ok: false, reason: 'invalid', detail: `"${text}" is not a date written ${shape}` };
    }
    const [a, b] = [Number(parts[1]), Number(parts[2])];
    y = Number(parts[3]);
    [d, m] = format === 'dmy' ? [a, b] : [b, a];
  }
  const v = valid(y, m, d);
  return v
    ? { ok: true, value: v }
    : { ok: false, reason: 'invalid', detail: `"${text}" is not a calendar date` };
}

/** A reference year (1900-2100) from a number or text. */
export function parseYear(
  value: string | number | null | undefined,
): { ok: true; value: number } | { ok: false; reason: 'blank' | 'invalid'; detail: string } {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') return { ok: false, reason: 'blank', detail: 'the year is blank' };
  if (!/^\d{4}$/.test(text)) return { ok: false, reason: 'invalid', detail: `"${text}" is not a year` };
  const y = Number(text);
  return y >= 1900 && y <= 2100
    ? { ok: true, value: y }
    : { ok: false, reason: 'invalid', detail: `${y} is out of range` };
}
