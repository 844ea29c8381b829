// record_changes_audience (record_id, version desc, including the audience) answers every lookup the plain
// (record_id, version) index did; keeping both cost each outbox write a second index entry for nothing.
export const sql = `
drop index if exists record_changes_record;
`;
