/**
 * Record type of an individual seizure in the outbox. Its payload is the seizure as reported (quantity and unit as
 * given) with the restricted route fields, built in the database from the seizures row by `seizure_payload`
 * (migration 0009), which the outbox reads when an imported seizure's row leaves the payload out. The kilogram
 * equivalent is derived data and not part of it: a receiver derives it with its copy of the named table.
 */
export const SEIZURE_RECORD_TYPE = 'seizures.seizure';
