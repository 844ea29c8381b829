/** Exchange rates users enter for converted totals. Local to the node (not shared records); every change is audited. */
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../platform/audit/log.js';
import { type Db, type Queryable, sqlErrorCode } from '../platform/db/db.js';
import { badRequest, conflict, type FieldError, notFound } from '../platform/http/problem.js';
import { checkCurrency } from './conversion.js';

export interface RateInput {
  currency: string;
  toCurrency: string;
  rate: number;
  validOn: string;
  source?: string | null;
}

export interface RateRow extends RateInput {
  id: string;
  source: string | null;
  enteredBy: string;
  enteredAt: string;
}

const SELECT = `select id, currency, to_currency as "toCurrency", rate::float8 as rate, valid_on::text as "validOn", source,
  entered_by as "enteredBy", entered_at as "enteredAt" from exchange_rates`;

const toRow = (r: Record<string, unknown>): RateRow => ({
  ...(r as unknown as RateRow),
  enteredAt: new Date(r.enteredAt as string).toISOString(),
});

/** Field errors of a rate: codes that are not ISO 4217, the same currency twice, a rate that is not positive. */
export function checkRate(input: RateInput): FieldError[] {
  const errors: FieldError[] = [];
  const from = checkCurrency(input.currency);
  if (from) errors.push({ path: '/body/currency', message: from });
  const to = checkCurrency(input.toCurrency);
  if (to) errors.push({ path: '/body/toCurrency', message: to });
  if (input.currency === input.toCurrency)
    errors.push({ path: '/body/toCurrency', message: 'is the same currency' });
  if (!(input.rate > 0) || !Number.isFinite(input.rate))
    errors.push({ path: '/body/rate', message: `must be a positive number, got ${input.rate}` });
  return errors;
}

export async function listRates(db: Db, currency?: string): Promise<RateRow[]> {
  const { rows } = await db.query(
    `${SELECT} where $1::text is null or currency = $1 or to_currency = $1 order by currency, to_currency, valid_on`,
    [currency ?? null],
  );
  return rows.map(toRow);
}

/** Inserts a checked rate inside the caller's transaction, with its audit entry. */
export async function insertRate(tx: Queryable, input: RateInput, actor: string): Promise<RateRow> {
  const id = uuidv7();
  await tx.query(
    'insert into exchange_rates (id, currency, to_currency, rate, valid_on, source, entered_by) values ($1, $2, $3, $4, $5, $6, $7)',
    [id, input.currency, input.toCurrency, input.rate, input.validOn, input.source ?? null, actor],
  );
  await appendAudit(tx, {
    actor,
    action: 'registry.rate.entered',
    target: `registry.rate:${id}`,
    detail: {
      currency: input.currency,
      toCurrency: input.toCurrency,
      rate: input.rate,
      validOn: input.validOn,
    },
  });
  const { rows } = await tx.query(`${SELECT} where id = $1`, [id]);
  return toRow(rows[0] as Record<string, unknown>);
}

export async function enterRate(db: Db, input: RateInput, actor: string): Promise<RateRow> {
  const errors = checkRate(input);
  if (errors.length)
    throw badRequest(
      `The exchange rate is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      errors,
    );
  try {
    return await db.transaction((tx) => insertRate(tx, input, actor));
  } catch (error) {
    if (sqlErrorCode(error) === '23505') {
      throw conflict(
        `A ${input.currency}→${input.toCurrency} rate valid on ${input.validOn} is already entered; remove it first.`,
      );
    }
    throw error;
  }
}

export async function removeRate(db: Db, id: string, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query(`${SELECT} where id = $1`, [id]);
    const row = rows[0];
    if (!row) throw notFound(`No exchange rate with id ${id}.`);
    await tx.query('delete from exchange_rates where id = $1', [id]);
    await appendAudit(tx, {
      actor,
      action: 'registry.rate.removed',
      target: `registry.rate:${id}`,
      detail: toRow(row) as unknown as Record<string, unknown>,
    });
  });
}
