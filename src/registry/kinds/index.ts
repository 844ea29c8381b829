import type { RecordKind } from '../kind.js';
import { adProjectKind } from './ad-project.js';
import { agencyKind } from './agency.js';
import { agreementKind } from './agreement.js';
import { commitmentKind } from './commitment.js';
import { mechanismKind } from './mechanism.js';
import { meetingKind } from './meeting.js';
import { membershipKind } from './membership.js';
import { trainingKind } from './training.js';

/** Every kind of registry record, in dependency order (a record only refers to kinds before it). */
export const KINDS: readonly RecordKind[] = [
  agencyKind,
  mechanismKind,
  membershipKind,
  agreementKind,
  meetingKind,
  commitmentKind,
  trainingKind,
  adProjectKind,
];

export {
  adProjectKind,
  agencyKind,
  agreementKind,
  commitmentKind,
  mechanismKind,
  meetingKind,
  membershipKind,
  trainingKind,
};
