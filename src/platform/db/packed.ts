// Many texts as one query parameter, split again in SQL. Both drivers build a text[] parameter by escaping each
// element's quotes and backslashes in JavaScript, which for JSON texts costs more than the insert itself (measured on
// PGlite: received envelopes went from about 120 to 80 µs a row). The separators are control characters that JSON
// text never contains raw; a text that contains one is refused rather than split wrongly.

const SEPARATOR = '\x1e';
const NULL_MARK = '\x1f';

/** SQL for the text[] of parameter `n` packed by packTexts. */
export const unpackTexts = (n: number): string => `(string_to_array($${n}::text, chr(30), chr(31)))[2:]`;

/**
 * One parameter for unpackTexts; null stays null. Each text is preceded by the separator (string_to_array would
 * read a lone empty text as no text at all); SQL drops the empty first element.
 */
export function packTexts(values: readonly (string | null)[]): string {
  if (!values.length) return '';
  return (
    SEPARATOR +
    values
      .map((value, i) => {
        if (value === null) return NULL_MARK;
        if (value.includes(SEPARATOR) || value.includes(NULL_MARK))
          throw new Error(`text ${i + 1} contains a control character reserved for packing`);
        return value;
      })
      .join(SEPARATOR)
  );
}
