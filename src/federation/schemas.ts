import { type Static, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Strict } from '../platform/http/schemas.js';

// One schema per boundary: the wire format of federation, used to validate what arrives, to type it and to
// document the API.

export const AgencyCode = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9-]{1,31}$',
  description: 'Agency code (LIAISON_AGENCY_CODE of its node)',
});
export const Handling = Type.Union([
  Type.Literal('H0'),
  Type.Literal('H1'),
  Type.Literal('H2'),
  Type.Literal('H3'),
]);
export const TombstoneKind = Type.Union([
  Type.Literal('retracted'),
  Type.Literal('access-revoked'),
  Type.Literal('expired'),
]);
const Code = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,31}$' });
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const UuidText = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' });
const Iso = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' });

export const AudienceSchema = Strict(
  {
    agencies: Type.Array(Code, { maxItems: 500, uniqueItems: true }),
    mechanisms: Type.Array(Code, { maxItems: 100, uniqueItems: true }),
    taskForces: Type.Array(Code, { maxItems: 100, uniqueItems: true }),
  },
  { description: "Named agencies, members of mechanisms at the record's date, task forces" },
);

export const PolicySchema = Strict(
  {
    handling: Handling,
    handlingText: Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()]),
    audience: AudienceSchema,
    onwardSharing: Type.Boolean(),
  },
  { description: 'Sharing policy: handling code (H3 with its text), audience, onward sharing' },
);

export const EnvelopeSchema = Strict(
  {
    format: Type.Literal(1),
    id: UuidText,
    origin: Code,
    type: Type.String({ pattern: '^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+$', maxLength: 100 }),
    version: Type.Integer({ minimum: 1 }),
    handling: Handling,
    handlingText: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
    audience: AudienceSchema,
    onwardSharing: Type.Boolean(),
    recordDate: DateOnly,
    tombstone: Type.Union([TombstoneKind, Type.Null()]),
    payload: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    issuedAt: Iso,
    signer: Code,
    key: Type.String({ minLength: 16, maxLength: 100 }),
    contentHash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }),
    signature: Type.String({ minLength: 80, maxLength: 100 }),
  },
  {
    $id: 'FederationEnvelope',
    description: 'A signed envelope: one version of a shared record, or a tombstone',
  },
);

export const envelopeShape = TypeCompiler.Compile(EnvelopeSchema);

export const IndexEntrySchema = Strict({
  pos: Type.Integer({ minimum: 1 }),
  id: UuidText,
  origin: Code,
  type: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  handling: Type.Union([Handling, Type.Null()]),
  audience: Type.Union([AudienceSchema, Type.Null()]),
  tombstone: Type.Union([TombstoneKind, Type.Null()]),
  contentHash: Type.String(),
});

/** A feed page: index entries after the cursor; its signature (header) binds the entries to the request. */
export const FeedPageSchema = Strict(
  {
    origin: Code,
    to: Code,
    after: Type.Integer({ minimum: 0 }),
    entries: Type.Array(IndexEntrySchema),
    /** The position of the last entry of this partner's feed, for lag. */
    head: Type.Integer({ minimum: 0 }),
    more: Type.Boolean(),
  },
  { $id: 'FederationFeedPage' },
);
export type FeedPage = Static<typeof FeedPageSchema>;
export const feedPageShape = TypeCompiler.Compile(FeedPageSchema);

export const KeyStatementSchema = Strict(
  {
    kind: Type.Literal('liaison-key-rotation'),
    agency: Code,
    previous: Strict({ fingerprint: Type.String(), publicKey: Type.String() }),
    next: Strict({ fingerprint: Type.String(), publicKey: Type.String() }),
    rotatedAt: Iso,
    signatures: Strict({ previous: Type.String(), next: Type.String() }),
  },
  { description: 'Key A replaced by key B at a time, signed by both' },
);
export type KeyStatementWire = Static<typeof KeyStatementSchema>;
export const keyStatementShape = TypeCompiler.Compile(KeyStatementSchema);

export const KeyChainSchema = Strict(
  {
    agency: Code,
    current: Strict({ fingerprint: Type.String(), publicKey: Type.String() }),
    rotations: Type.Array(KeyStatementSchema),
  },
  { $id: 'FederationKeyChain' },
);

export { Code as CodeSchema, DateOnly, Iso, UuidText };
