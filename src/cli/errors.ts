import { ConfigError } from '../platform/config.js';
import { HttpProblem } from '../platform/http/problem.js';

/** One line a person can act on, for any failure of a command. */
export function describeFailure(error: unknown): string {
  if (error instanceof ConfigError) return `configuration error: ${error.message}`;
  if (error instanceof HttpProblem) {
    const fields = error.errors.map((e) => `${e.path.replace(/^\/body\//, '')} ${e.message}`);
    return [error.detail ?? error.title, ...fields].join('; ');
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
