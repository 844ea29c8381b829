// An imported seizure's outbox row leaves its payload out: the payload of version 1 of a seizure is its seizures row
// as imported (seizures are written once; only the derived kilogram figure, which the payload does not carry, is
// recomputed), so the outbox reads it from there when the dispatcher seals it. Building and storing a copy of every
// row in the outbox was a fifth of an import's database time and doubled what an import wrote. A later version of a
// seizure, like every change of other record types, carries its payload in the outbox row.
export const sql = `
create function seizure_payload(s seizures) returns jsonb language sql stable as $$
  select jsonb_build_object(
    'date', to_char(s.seizure_date, 'YYYY-MM-DD'),
    'country', s.country,
    'countryReported', s.country_text,
    'adminDivision', s.admin_division,
    'place', s.place,
    'latitude', s.latitude,
    'longitude', s.longitude,
    'drug', s.drug_code,
    'drugReported', s.drug_text,
    'quantity', s.quantity,
    'quantityReported', s.quantity_text,
    'unit', s.unit_code,
    'unitReported', s.unit_text,
    'concealment', s.concealment,
    'installation', s.installation,
    'transportMode', s.transport_mode,
    'routing', s.routing,
    'producingCountries', to_jsonb(s.producing_countries),
    'departureCountry', s.departure_country,
    'transitCountries', to_jsonb(s.transit_countries),
    'destinationCountry', s.destination_country,
    'traffickerNationalities', to_jsonb(s.trafficker_nationalities),
    'routeReported', s.route_reported,
    'reportingAgency', s.reporting_agency,
    'source', jsonb_build_object('file', s.source_file, 'row', s.source_row),
    'duplicateOf', s.duplicate_of,
    'duplicateRule', s.duplicate_rule)
$$;

-- The payload of an outbox row whose record keeps it (null for record types that do not).
create function outbox_payload(record_type text, record_id uuid) returns jsonb language sql stable as $$
  select case record_type
    when 'seizures.seizure' then (select seizure_payload(s) from seizures s where s.id = record_id)
  end
$$;

-- A tombstone never carries a payload; a live change carries one unless it is a seizure's (read from its row).
alter table record_changes drop constraint record_changes_check;
alter table record_changes add constraint record_changes_payload check (
  case when tombstone is not null then payload is null
       else payload is not null or record_type = 'seizures.seizure' end);
`;
