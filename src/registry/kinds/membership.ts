import { Type } from '@sinclair/typebox';
import type { RecordKind } from '../kind.js';
import { MEMBERSHIP_ROLES } from '../membership.js';
import { checkMembershipDates, periodsOverlap, type RuleError } from '../rules.js';
import { AgencyCode, DateString, MechanismCode, Nullable } from '../schemas.js';
import { col, inputSchemas, outputSchema, str } from './common.js';

const Role = Type.Union(MEMBERSHIP_ROLES.map((r) => Type.Literal(r)));
const own = {
  mechanism: MechanismCode,
  agency: AgencyCode,
  role: Role,
  joinedOn: DateString,
  leftOn: Nullable(DateString),
};

export const membershipKind: RecordKind = {
  name: 'membership',
  type: 'registry.membership',
  table: 'mechanism_memberships',
  path: 'memberships',
  label: 'membership',
  names: false,
  code: false,
  columns: [
    col('role', 'role', 'text', 'member'),
    col('joinedOn', 'joined_on', 'date'),
    col('leftOn', 'left_on', 'date'),
  ],
  refs: [
    { api: 'mechanism', column: 'mechanism_id', table: 'mechanisms', by: 'code' },
    { api: 'agency', column: 'agency_id', table: 'agencies', by: 'code' },
  ],
  ...inputSchemas('Membership', own, ['mechanism', 'agency', 'joinedOn'], false),
  // A membership stays in its mechanism and agency; a move is a new membership.
  patchSchema: inputSchemas(
    'Membership',
    { role: Role, joinedOn: DateString, leftOn: Nullable(DateString) },
    [],
    false,
  ).patchSchema,
  outputSchema: outputSchema(
    'Membership',
    {
      mechanism: Type.String(),
      agency: Type.String(),
      role: Type.String(),
      joinedOn: Type.String(),
      leftOn: Nullable(Type.String()),
    },
    false,
  ),
  filters: {
    mechanism: {
      schema: MechanismCode,
      where: (p) => `t.mechanism_id = (select id from mechanisms where code = ${p})`,
    },
    agency: { schema: AgencyCode, where: (p) => `t.agency_id = (select id from agencies where code = ${p})` },
    role: { schema: Role, where: (p) => `t.role = ${p}` },
    at: {
      schema: DateString,
      where: (p) => `t.joined_on <= ${p}::date and (t.left_on is null or t.left_on > ${p}::date)`,
    },
  },
  order: 't.joined_on',
  searchTexts: () => [],
  // The membership's date decides audiences (publishChange); joining is the date that matters.
  recordDate: (rec) => str(rec.joinedOn),
  async check(rec, lookup) {
    const errors: RuleError[] = checkMembershipDates(String(rec.joinedOn), str(rec.leftOn));
    // "Not an agency": the reference check in the store reports codes that are no agency of the registry.
    const mechanism = typeof rec.mechanism === 'string' ? await lookup.mechanism(rec.mechanism) : null;
    const joinedOn = String(rec.joinedOn);
    const leftOn = str(rec.leftOn);
    if (mechanism?.establishedOn && joinedOn < mechanism.establishedOn) {
      errors.push({
        field: 'joinedOn',
        message: `${joinedOn} is before mechanism ${mechanism.code} was established (${mechanism.establishedOn})`,
      });
    }
    if (mechanism?.dissolvedOn && joinedOn >= mechanism.dissolvedOn) {
      errors.push({
        field: 'joinedOn',
        message: `${joinedOn} is not before mechanism ${mechanism.code} was dissolved (${mechanism.dissolvedOn})`,
      });
    }
    if (mechanism && typeof rec.agency === 'string') {
      for (const other of await lookup.memberships(mechanism.code, rec.agency)) {
        if (other.id === rec.id || other.role !== rec.role) continue;
        if (periodsOverlap({ joinedOn, leftOn }, other)) {
          errors.push({
            field: 'joinedOn',
            message: `${rec.agency} is already ${String(rec.role)} of ${mechanism.code} from ${other.joinedOn}${other.leftOn ? ` to ${other.leftOn}` : ''}`,
          });
        }
      }
    }
    return errors;
  },
};
