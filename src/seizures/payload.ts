/** Record type of an individual seizure in the outbox. */
export const SEIZURE_RECORD_TYPE = 'seizures.seizure';

/**
 * The payload of a `seizures.seizure` shared record, field by field: payload key → SQL expression over a row of
 * the seizures columns. Bulk imports build it in the database from the row they insert, so a batch is sent once.
 * It is the seizure as reported (quantity and unit as given) with the restricted route fields. The kilogram
 * equivalent is derived data and not part of it: a receiver derives it with its copy of the named table.
 */
export const PAYLOAD_FIELDS: [key: string, sql: string][] = [
  ['date', "to_char(seizure_date, 'YYYY-MM-DD')"],
  ['country', 'country'],
  ['countryReported', 'country_text'],
  ['adminDivision', 'admin_division'],
  ['place', 'place'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['drug', 'drug_code'],
  ['drugReported', 'drug_text'],
  ['quantity', 'quantity'],
  ['quantityReported', 'quantity_text'],
  ['unit', 'unit_code'],
  ['unitReported', 'unit_text'],
  ['concealment', 'concealment'],
  ['installation', 'installation'],
  ['transportMode', 'transport_mode'],
  ['routing', 'routing'],
  ['producingCountries', 'to_jsonb(producing_countries)'],
  ['departureCountry', 'departure_country'],
  ['transitCountries', 'to_jsonb(transit_countries)'],
  ['destinationCountry', 'destination_country'],
  ['traffickerNationalities', 'to_jsonb(trafficker_nationalities)'],
  ['routeReported', 'route_reported'],
  ['reportingAgency', 'reporting_agency'],
  ['source', "jsonb_build_object('file', source_file, 'row', source_row)"],
  ['duplicateOf', 'duplicate_of'],
  ['duplicateRule', 'duplicate_rule'],
];

/** The payload as one SQL expression (jsonb_build_object takes at most 100 arguments: 50 fields). */
export const PAYLOAD_SQL = `jsonb_build_object(${PAYLOAD_FIELDS.map(([k, e]) => `'${k}', ${e}`).join(', ')})`;
