// A received record's content was stored twice: as the `payload` column (jsonb) and inside the signed envelope
// (text) kept for re-verification. The envelope alone is kept now and the payload is read from it; every row that
// had a payload has its envelope (a tombstone and a placeholder have neither), so nothing is lost. Receiving a
// backlog no longer parses each payload into jsonb.
export const sql = `
alter table federation_received drop column payload;
`;
