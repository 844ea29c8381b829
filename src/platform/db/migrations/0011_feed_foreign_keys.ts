// The feed and the sent state checked two foreign keys for every record released to a partner (about 6 µs a row on
// PostgreSQL: 100,000 feed rows took 0.88–0.99 s with them, 0.27–0.32 s without). Neither guards anything the
// application can break: envelopes are never deleted, and removing a partner deletes its feed and sent state
// itself, in the same transaction (removePartner), instead of through the cascade.
export const sql = `
alter table federation_feed drop constraint if exists federation_feed_partner_id_fkey;
alter table federation_feed drop constraint if exists federation_feed_envelope_id_fkey;
alter table federation_sent drop constraint if exists federation_sent_partner_id_fkey;
`;
