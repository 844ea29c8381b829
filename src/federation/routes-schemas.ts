import { Type } from '@sinclair/typebox';
import { Timestamp } from '../platform/http/schemas.js';
import { AudienceSchema, Handling, TombstoneKind } from './schemas.js';

// Response schemas of the administrators' federation API (the web pages read these).

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PartnerKeySchema = Type.Object({
  fingerprint: Type.String(),
  publicKey: Type.String(),
  validFrom: Nullable(Timestamp),
  retiredAt: Nullable(Timestamp),
  source: Type.Union([Type.Literal('invitation'), Type.Literal('rotation')]),
});

export const PartnerSchema = Type.Object(
  {
    agency: Type.String(),
    name: Type.String(),
    country: Nullable(Type.String()),
    endpoint: Nullable(Type.String()),
    state: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('suspended')]),
    fingerprint: Type.String({
      description: 'Fingerprint of the key in the accepted invitation, for the out-of-band check',
    }),
    acceptedAt: Timestamp,
    acceptedBy: Type.String(),
    confirmedAt: Nullable(Timestamp),
    confirmedBy: Nullable(Type.String()),
    keys: Type.Array(PartnerKeySchema),
  },
  { $id: 'FederationPartner' },
);

export const PullReportSchema = Type.Object({
  agency: Type.String(),
  pages: Type.Integer(),
  listed: Type.Integer(),
  fetched: Type.Integer(),
  applied: Type.Integer(),
  skipped: Type.Integer(),
  quarantined: Type.Integer(),
  cursor: Type.Integer(),
  head: Type.Integer(),
  more: Type.Boolean(),
});

export const QuarantineSchema = Type.Object({
  id: Type.String(),
  receivedFrom: Type.String(),
  via: Type.String(),
  origin: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
  version: Nullable(Type.Integer()),
  feedPos: Nullable(Type.Integer()),
  reason: Type.String(),
  createdAt: Timestamp,
  resolvedAt: Nullable(Timestamp),
});

export const SyncSchema = Type.Object({
  agency: Type.String(),
  state: Type.String(),
  endpoint: Nullable(Type.String()),
  cursor: Type.Integer(),
  head: Type.Integer(),
  lagEntries: Type.Integer({
    description: "Entries of the partner's feed not pulled yet, as of the last pull",
  }),
  lagSeconds: Nullable(Type.Number({ description: 'Seconds since the last successful pull' })),
  lastAttemptAt: Nullable(Timestamp),
  lastSuccessAt: Nullable(Timestamp),
  lastError: Nullable(Type.String()),
  lastErrorAt: Nullable(Timestamp),
  failures: Type.Integer(),
  applied: Type.Integer(),
  skipped: Type.Integer(),
  quarantined: Type.Integer(),
  notices: Type.Integer(),
  lastNoticeAt: Nullable(Timestamp),
  recordsHeld: Type.Integer({ description: 'Records of the partner this node holds' }),
  recordsSent: Type.Integer({ description: 'Records this node sent the partner (latest state each)' }),
  recentQuarantine: Type.Array(QuarantineSchema),
});

export const ReceivedSchema = Type.Object(
  {
    origin: Type.String(),
    id: Type.String(),
    type: Nullable(Type.String()),
    version: Type.Integer(),
    handling: Nullable(Handling),
    handlingText: Nullable(Type.String()),
    audience: Nullable(AudienceSchema),
    onwardSharing: Type.Boolean(),
    recordDate: Nullable(Type.String()),
    tombstone: Nullable(TombstoneKind),
    placeholder: Type.Boolean(),
    referencedBy: Type.Array(Type.String()),
    receivedFrom: Nullable(Type.String()),
    via: Nullable(Type.String()),
    receivedAt: Timestamp,
    contentHash: Nullable(Type.String()),
  },
  { $id: 'FederationReceived' },
);

export const ApplySummarySchema = Type.Object({
  from: Type.String(),
  count: Type.Integer(),
  applied: Type.Integer(),
  skipped: Type.Integer(),
  quarantined: Type.Integer(),
  placeholders: Type.Integer(),
  reasons: Type.Array(Type.String()),
});

export const NoteSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  origin: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  refersTo: Nullable(Type.Object({ origin: Type.String(), id: Type.String() })),
  recordDate: Type.String(),
  policy: Type.Object({
    handling: Handling,
    handlingText: Nullable(Type.String()),
    audience: AudienceSchema,
    onwardSharing: Type.Boolean(),
  }),
  tombstone: Nullable(TombstoneKind),
});
