import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { forbidden, HttpProblem } from '../platform/http/problem.js';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { feedEnvelopes, feedIndex, feedPageWithEnvelopes } from './feed.js';
import { activeSigner, keyChain } from './local-keys.js';
import { PAGE_LINES_TYPE, pageLines } from './page-lines.js';
import { findPartner, type PartnerRow, trustedKeys } from './partners.js';
import { learnKeys } from './pull.js';
import { checkRequest, claimedSender, signResponse } from './requests.js';
import { clampLimit, MAX_PAGE_SIZE } from './schedule.js';
import { FeedPageSchema, KeyChainSchema } from './schemas.js';
import type { FederationService } from './service.js';

// Partner-facing endpoints. They are public at the session level (no user signs in), and each one that gives or
// changes anything demands a request signed by an active partner's key, fresh, and never seen before (nonce store).

const NOT_SIGNED = (detail: string) => new HttpProblem(401, 'Partner authentication failed', detail);
const learning = new Map<string, { at: number; done: Promise<unknown> }>();
const LEARN_EVERY_MS = 10_000;

/** Follows a partner's key rotation at most every few seconds; requests arriving meanwhile wait for the same attempt. */
function learnOnce(ctx: AppContext, agency: string): Promise<unknown> {
  const current = learning.get(agency);
  if (current && Date.now() - current.at < LEARN_EVERY_MS) return current.done;
  const done = learnKeys(
    { db: ctx.db, self: ctx.config.agencyCode, dataDir: ctx.config.dataDir, log: ctx.log },
    agency,
  ).catch(() => false);
  learning.set(agency, { at: Date.now(), done });
  return done;
}

/** Checks a partner's signed request; returns the partner. A replayed request is refused, and changes nothing. */
async function authenticatePartner(
  ctx: AppContext,
  request: FastifyRequest,
  body: unknown,
): Promise<PartnerRow> {
  const self = ctx.config.agencyCode;
  const from = claimedSender(request.headers);
  if (!from)
    throw NOT_SIGNED('This endpoint answers partner nodes only; the request carries no partner signature.');
  const partner = await findPartner(ctx.db, from);
  if (!partner) throw forbidden(`${from} is not a partner of ${self}.`);
  if (partner.state !== 'active') throw forbidden(`The partnership with ${from} is ${partner.state}.`);
  const parts = { method: request.method, path: request.url, body, self };
  let check = checkRequest(request.headers, parts, await trustedKeys(ctx.db, from), new Date());
  if (!check.ok && check.code === 'unknown-key') {
    // The partner may have rotated its key: follow its signed rotation statements.
    await learnOnce(ctx, from);
    check = checkRequest(request.headers, parts, await trustedKeys(ctx.db, from), new Date());
  }
  if (!check.ok) throw NOT_SIGNED(check.reason);
  const fresh = await ctx.db.query(
    'insert into federation_nonces (agency_code, nonce, expires_at) values ($1, $2, $3) on conflict do nothing',
    [from, check.nonce, check.expiresAt.toISOString()],
  );
  if (fresh.rowCount !== 1)
    throw new HttpProblem(
      401,
      'Replayed request',
      'This signed request was already received once; it is not processed again.',
    );
  if (Math.random() < 0.02) await ctx.db.query('delete from federation_nonces where expires_at < now()');
  return partner;
}

const FeedQuery = Strict({
  after: Type.Integer({ minimum: 0 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
});

/**
 * The `"envelopes":[…]` member of a response, with each envelope byte for byte as stored. Appended piece by piece:
 * half the time of a template per envelope joined afterwards (a page is about half a megabyte).
 */
function envelopesJson(envelopes: { pos: number; envelope: string }[]): string {
  let json = '"envelopes":[';
  envelopes.forEach((e, i) => {
    json += `${i ? ',' : ''}{"pos":${e.pos},"envelope":`;
    json += e.envelope;
    json += '}';
  });
  return `${json}]`;
}

export function partnerRoutes(app: App, ctx: AppContext, service: FederationService): void {
  app.addSchema(FeedPageSchema);
  app.addSchema(KeyChainSchema);
  const self = ctx.config.agencyCode;

  /**
   * The index page for a partner as the JSON text sent, with the response signature over exactly that text set on
   * the reply (bound to the request's nonce).
   */
  async function signedIndex(
    request: FastifyRequest,
    reply: FastifyReply,
    partner: PartnerRow,
    page: { after: number; entries: unknown[]; head: number; more: boolean },
  ): Promise<string> {
    const { after, entries, head, more } = page;
    const text = JSON.stringify({ origin: self, to: partner.agency_code, after, entries, head, more });
    const signer = await activeSigner(ctx.db, ctx.config.dataDir, self);
    reply.headers(signResponse(signer, String(request.headers['liaison-nonce']), text, new Date()));
    return text;
  }

  app.get(
    '/api/v1/federation/keys',
    {
      config: { access: 'public' },
      schema: {
        tags: ['federation (partners)'],
        summary:
          "This node's public key and its rotation statements (each signed by the old and the new key)",
        response: { 200: Type.Ref('FederationKeyChain') },
      },
    },
    async () => keyChain(ctx.db, self),
  );

  app.get(
    '/api/v1/federation/feed',
    {
      config: { access: 'public' },
      schema: {
        tags: ['federation (partners)'],
        summary: "Index of the calling partner's feed after a cursor (signed request; the page is signed)",
        querystring: FeedQuery,
        response: { 200: Type.Ref('FederationFeedPage'), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const partner = await authenticatePartner(ctx, request, null);
      const index = await feedIndex(ctx.db, partner.id, request.query.after, clampLimit(request.query.limit));
      // Sent pre-serialised: the response signature covers exactly this text.
      const text = await signedIndex(request, reply, partner, { after: request.query.after, ...index });
      return reply.type('application/json').send(text as never);
    },
  );

  app.get(
    '/api/v1/federation/feed/with-envelopes',
    {
      config: { access: 'public' },
      schema: {
        tags: ['federation (partners)'],
        summary:
          "A page of the calling partner's feed with its envelopes, for a partner that holds none of them yet (signed request)",
        description:
          'Newline-delimited JSON (`application/x-ndjson`): the first line is the signed index page (the response ' +
          'signature covers exactly that line, without its newline); each further line is `{"pos":…,"envelope":…}`, ' +
          'an envelope at a position of the index, signed by its origin and matching the content hash its index entry announces.',
        querystring: FeedQuery,
        produces: [PAGE_LINES_TYPE],
        response: errorResponses(400, 401, 403),
      },
    },
    async (request, reply) => {
      const partner = await authenticatePartner(ctx, request, null);
      const { envelopes, ...index } = await feedPageWithEnvelopes(
        ctx.db,
        { id: partner.id, agency: partner.agency_code },
        request.query.after,
        clampLimit(request.query.limit),
      );
      const text = await signedIndex(request, reply, partner, { after: request.query.after, ...index });
      return reply.type(PAGE_LINES_TYPE).send(pageLines(text, envelopes));
    },
  );

  app.post(
    '/api/v1/federation/feed/envelopes',
    {
      config: { access: 'public' },
      schema: {
        tags: ['federation (partners)'],
        summary: "The signed envelopes at positions of the calling partner's feed (signed request)",
        body: Strict({
          positions: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: MAX_PAGE_SIZE }),
        }),
        response: {
          200: Type.Object({
            envelopes: Type.Array(Type.Object({ pos: Type.Integer(), envelope: Type.Unknown() })),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const partner = await authenticatePartner(ctx, request, request.body);
      const envelopes = await feedEnvelopes(
        ctx.db,
        { id: partner.id, agency: partner.agency_code },
        request.body.positions,
        'pull',
      );
      // Sent pre-serialised: the envelopes go out byte for byte as stored (the schema documents their shape).
      return reply.type('application/json').send(`{${envelopesJson(envelopes)}}` as never);
    },
  );

  app.post(
    '/api/v1/federation/notice',
    {
      config: { access: 'public' },
      schema: {
        tags: ['federation (partners)'],
        summary: 'A partner\'s signed "something new" notice: this node pulls it at once',
        body: Strict({}),
        response: { 202: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const partner = await authenticatePartner(ctx, request, request.body);
      await ctx.db.query(
        'update federation_sync set notices = notices + 1, last_notice_at = now() where partner_id = $1',
        [partner.id],
      );
      service.wake(partner.agency_code);
      return reply.code(202).send(null);
    },
  );
}
