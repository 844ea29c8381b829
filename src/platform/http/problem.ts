/** An error a client can act on, sent as application/problem+json (RFC 9457). */
export interface FieldError {
  /** JSON pointer into the request part, e.g. /body/username or /query/limit. */
  path: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new HttpProblem(400, 'Invalid request', detail, errors);
export const unauthorized = (detail = 'Sign in or send an API token to use this resource.') =>
  new HttpProblem(401, 'Authentication required', detail, [], {
    'www-authenticate': 'Bearer realm="liaison"',
  });
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new HttpProblem(404, 'Not found', detail);
export const conflict = (detail: string, errors: FieldError[] = []) =>
  new HttpProblem(409, 'Conflict', detail, errors);
