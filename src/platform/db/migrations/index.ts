import { sql as platform } from './0001_platform.js';
import { sql as reference } from './0002_reference.js';
import { sql as referenceMore } from './0003_reference_more.js';
import { sql as sharedRecords } from './0003_shared_records.js';
import { sql as registry } from './0004_registry.js';
import { sql as seizures } from './0005_seizures.js';
import { sql as federation } from './0006_federation.js';
import { sql as routeYearly } from './0007_route_yearly.js';
import { sql as outboxIndex } from './0008_outbox_index.js';
import { sql as seizurePayload } from './0009_seizure_payload.js';
import { sql as receivedEnvelopeOnce } from './0010_received_envelope_once.js';
import { sql as feedForeignKeys } from './0011_feed_foreign_keys.js';

export interface Migration {
  /** Sortable and unique; never renamed or edited once released (forward-only). */
  id: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: '0001_platform', sql: platform },
  { id: '0002_reference', sql: reference },
  { id: '0003_reference_more', sql: referenceMore },
  { id: '0003_shared_records', sql: sharedRecords },
  { id: '0004_registry', sql: registry },
  { id: '0005_seizures', sql: seizures },
  { id: '0006_federation', sql: federation },
  { id: '0007_route_yearly', sql: routeYearly },
  { id: '0008_outbox_index', sql: outboxIndex },
  { id: '0009_seizure_payload', sql: seizurePayload },
  { id: '0010_received_envelope_once', sql: receivedEnvelopeOnce },
  { id: '0011_feed_foreign_keys', sql: feedForeignKeys },
];
