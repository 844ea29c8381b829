// Top routes over whole years read a yearly route rollup: at 10M seizures the monthly one holds ~117k rows, and
// grouping them per request took the query over its 50 ms goal. Filled from the monthly rollup on migration.
export const sql = `
create table seizure_route_yearly_rollups (
  departure text not null,
  destination text not null,
  drug_code text not null,
  year integer not null,
  duplicate boolean not null,
  kg double precision not null default 0,
  n bigint not null default 0,
  primary key (departure, destination, drug_code, year, duplicate)
);

insert into seizure_route_yearly_rollups (departure, destination, drug_code, year, duplicate, kg, n)
  select departure, destination, drug_code, extract(year from month)::int, duplicate, sum(kg), sum(n)
  from seizure_route_rollups group by 1, 2, 3, 4, 5;
`;
