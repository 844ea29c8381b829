import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from './problem.js';

function makeAjv(coerceTypes: boolean) {
  // Bodies are validated strictly: a wrong type is an error, never silently coerced, and unknown fields are rejected
  // (schemas say additionalProperties: false). Query strings and params arrive as text, so they are coerced.
  const ajv = new Ajv({
    coerceTypes: coerceTypes ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

export const bodyAjv = makeAjv(false);
export const paramsAjv = makeAjv(true);

const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

/** Ajv errors as field errors with JSON-pointer paths a person can find in their request. */
export function fieldErrors(errors: readonly ErrorObject[], part: string): FieldError[] {
  const prefix = `/${PART_NAMES[part] ?? part}`;
  return errors.map((error) => {
    let path = `${prefix}${error.instancePath}`;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      path = `${path}/${String(error.params.missingProperty)}`;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      path = `${path}/${String(error.params.additionalProperty)}`;
      message = 'is not a known field';
    } else if (error.keyword === 'enum') {
      message = `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    }
    return { path, message };
  });
}
