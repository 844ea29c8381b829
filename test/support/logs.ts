import type { DestinationStream } from 'pino';

export interface CapturedLogs {
  /** Pass to createLogger() or startTestNode(env, { logStream }). */
  stream: DestinationStream;
  /** Everything written so far, as written. */
  text(): string;
  /** Every line written so far, parsed. */
  entries(): Record<string, unknown>[];
}

/** A log destination that keeps what is written, to assert on what a node logs. */
export function captureLogs(): CapturedLogs {
  const chunks: string[] = [];
  return {
    stream: { write: (chunk: string) => void chunks.push(chunk) },
    text: () => chunks.join(''),
    entries: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
