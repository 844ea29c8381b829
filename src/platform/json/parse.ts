/** The value of a JSON text, or null when it is not JSON (for callers that treat both as "nothing usable"). */
export function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
