import type { Permission } from '../platform/auth/permissions.js';
import type { Queryable } from '../platform/db/db.js';
import type { SharingPolicy } from '../platform/records.js';

// Record types plug into federation by declaring themselves here: their name, the default sharing policy (which the
// administrator may override per node), who may read a received record of the type, and optionally the records it
// refers to (kept as placeholders until they arrive) and which mechanisms a change of it affects.

export interface Reference {
  /** The referenced record's origin; the referring record's origin when omitted. */
  origin?: string;
  id: string;
}

export interface RecordTypeDeclaration {
  /** Dotted name: `<capability>.<record>`, e.g. `registry.mechanism`, `seizures.seizure`. */
  type: string;
  description: string;
  defaultPolicy: SharingPolicy;
  /** The permission needed to read the payload of a received record of this type. */
  readPermission: Permission;
  references?: (payload: Record<string, unknown>) => Reference[];
  /**
   * For records that define mechanism membership: the mechanism codes a change affects ('all' when the payload does
   * not say). Records addressed to those mechanisms are re-evaluated, and partners that lost access get revocations.
   */
  affectsMembership?: (payload: Record<string, unknown> | null) => string[] | 'all';
}

const declared = new Map<string, RecordTypeDeclaration>();

const TYPE_NAME = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/** Declares (or re-declares, replacing) a shareable record type. */
export function declareRecordType(declaration: RecordTypeDeclaration): RecordTypeDeclaration {
  if (!TYPE_NAME.test(declaration.type))
    throw new Error(`"${declaration.type}" is not a record type name (capability.record)`);
  declared.set(declaration.type, declaration);
  return declaration;
}

export function recordType(type: string): RecordTypeDeclaration | undefined {
  return declared.get(type);
}

export function recordTypes(): RecordTypeDeclaration[] {
  return [...declared.values()].sort((a, b) => a.type.localeCompare(b.type));
}

const none = { agencies: [], mechanisms: [], taskForces: [] };

/** The default policy of a type on this node: the administrator's setting, else the type's declared default. */
export async function defaultPolicy(db: Queryable, type: string): Promise<SharingPolicy> {
  const { rows } = await db.query<{
    handling: SharingPolicy['handling'];
    handling_text: string | null;
    audience: SharingPolicy['audience'];
    onward_sharing: boolean;
  }>(
    'select handling, handling_text, audience, onward_sharing from federation_type_defaults where record_type = $1',
    [type],
  );
  const row = rows[0];
  if (row)
    return {
      handling: row.handling,
      handlingText: row.handling_text,
      audience: row.audience,
      onwardSharing: row.onward_sharing,
    };
  const declaration = recordType(type);
  // An undeclared type shares with nobody until someone decides otherwise.
  return (
    declaration?.defaultPolicy ?? { handling: 'H2', handlingText: null, audience: none, onwardSharing: false }
  );
}

const mechanismOf = (payload: Record<string, unknown> | null): string[] | 'all' => {
  const code = payload?.mechanismCode ?? payload?.mechanism;
  return typeof code === 'string' ? [code] : 'all';
};

/** The record types of the other capabilities, with conservative defaults; a capability may re-declare its own. */
export function declareBuiltInTypes(): void {
  const registry = (record: string, description: string, extra: Partial<RecordTypeDeclaration> = {}) =>
    declareRecordType({
      type: `registry.${record}`,
      description,
      defaultPolicy: { handling: 'H0', handlingText: null, audience: none, onwardSharing: true },
      readPermission: 'registry:read',
      ...extra,
    });
  // A retracted agency or mechanism leaves every audience it was in (membersAt ignores retracted records).
  if (!recordType('registry.agency'))
    registry('agency', 'An agency of the cooperation registry', { affectsMembership: () => 'all' });
  if (!recordType('registry.mechanism')) {
    registry('mechanism', 'A cooperation mechanism', {
      affectsMembership: (p) => (typeof p?.code === 'string' ? [p.code] : 'all'),
    });
  }
  if (!recordType('registry.membership')) {
    registry('membership', "An agency's membership of a mechanism, with its dates", {
      affectsMembership: mechanismOf,
    });
  }
  if (!recordType('registry.agreement')) registry('agreement', 'An agreement or MOU');
  if (!recordType('registry.meeting')) registry('meeting', 'A meeting of a mechanism');
  if (!recordType('registry.commitment')) registry('commitment', 'An action-plan commitment');
  if (!recordType('registry.training')) registry('training', 'A training programme');
  if (!recordType('registry.ad_project')) registry('ad_project', 'An alternative-development project');
  if (!recordType('seizures.seizure')) {
    declareRecordType({
      type: 'seizures.seizure',
      description: 'An individual drug seizure',
      defaultPolicy: { handling: 'H1', handlingText: null, audience: none, onwardSharing: false },
      readPermission: 'seizures:read',
    });
  }
}
