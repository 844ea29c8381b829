// What the reference data needed beyond 0002: exact unit multiples (1 mu = 1/15 ha, kept as a ratio), a unit
// dimension for "unit not stated", notes on drug synonyms (why a file's name maps where it does), a content hash
// per conversion table version (a published version must never change), and named conversion parameters.
export const sql = `
alter table units
  add column base_unit text references units (code),
  add column base_numerator numeric check (base_numerator > 0),
  add column base_denominator numeric check (base_denominator > 0),
  add constraint units_base_complete check (
    (base_unit is null and base_numerator is null and base_denominator is null)
    or (base_unit is not null and base_numerator is not null and base_denominator is not null)
  );
alter table units drop constraint units_dimension_check;
alter table units add constraint units_dimension_check
  check (dimension in ('mass', 'volume', 'count', 'area', 'unspecified'));

alter table drug_synonyms add column note text;

alter table conversion_tables add column content_hash text;

create table conversion_parameters (
  table_version text not null references conversion_tables (version),
  name text not null,
  value numeric not null,
  basis text not null,
  primary key (table_version, name)
);
`;
