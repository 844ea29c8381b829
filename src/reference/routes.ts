import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/http/problem.js';
import { errorResponses } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { normaliseKey } from './key.js';
import {
  ConversionTableDetailSchema,
  ConversionTableSchema,
  CountriesQuery,
  CountryCodeParams,
  CountryDetailSchema,
  CountryResolutionSchema,
  CountrySchema,
  DrugCodeParams,
  DrugDetailSchema,
  DrugGroupSchema,
  DrugResolutionSchema,
  DrugSchema,
  DrugsQuery,
  M49AreaSchema,
  ResolveQuery,
  SummarySchema,
  UnitSchema,
  VersionParams,
} from './schemas.js';
import * as store from './store.js';

const PREFIX = '/api/v1/reference';
const READ = { access: 'reference:read' as const };
const tags = ['reference'];

function unresolved(what: string, name: string, key: string): Error {
  return notFound(
    key
      ? `"${name}" is not a known ${what} name or alias; nothing is guessed. Ask for it to be added to the reference data if it is real.`
      : `The ${what} name is blank after removing punctuation and spaces.`,
  );
}

function countryRoutes(app: App, ctx: AppContext): void {
  app.get(
    `${PREFIX}/countries`,
    {
      config: READ,
      schema: {
        tags,
        summary:
          'Countries and territories (ISO 3166, UN M49), searchable by any name or alias in en, zh, ru',
        querystring: CountriesQuery,
        response: { 200: Type.Array(Type.Ref('ReferenceCountry')), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => store.listCountries(ctx.db, request.query),
  );

  app.get(
    `${PREFIX}/countries/resolve`,
    {
      config: READ,
      schema: {
        tags,
        summary:
          'What a country string from a file stands for: a country, an explicit non-country value, or 404',
        querystring: ResolveQuery,
        response: { 200: CountryResolutionSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { name } = request.query;
      const key = normaliseKey(name);
      const found = key ? await store.lookupCountryAlias(ctx.db, key) : undefined;
      if (!found) throw unresolved('country', name, key);
      return found.kind === 'country'
        ? { input: name, key, kind: found.kind, country: found.country, note: found.note }
        : { input: name, key, kind: found.kind, nonCountry: found.value, note: found.note };
    },
  );

  app.get(
    `${PREFIX}/countries/:code`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'One country by ISO alpha-2 or alpha-3 code, with every alias files use for it',
        params: CountryCodeParams,
        response: { 200: CountryDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const country = await store.findCountry(ctx.db, request.params.code);
      if (!country)
        throw notFound(`No country has the ISO alpha-2 or alpha-3 code "${request.params.code}".`);
      return country;
    },
  );

  app.get(
    `${PREFIX}/m49`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'UN M49 regions, sub-regions and intermediate regions',
        response: { 200: Type.Array(M49AreaSchema), ...errorResponses(401, 403) },
      },
    },
    async () => store.listM49(ctx.db),
  );
}

function drugRoutes(app: App, ctx: AppContext): void {
  app.get(
    `${PREFIX}/drug-groups`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'UNODC drug groups and sub-groups',
        response: { 200: Type.Array(DrugGroupSchema), ...errorResponses(401, 403) },
      },
    },
    async () => store.listDrugGroups(ctx.db),
  );

  app.get(
    `${PREFIX}/drugs`,
    {
      config: READ,
      schema: {
        tags,
        summary:
          'Drugs and substances, searchable by any name or synonym in en, zh, ru; optionally within a group',
        querystring: DrugsQuery,
        response: { 200: Type.Array(Type.Ref('ReferenceDrug')), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => store.listDrugs(ctx.db, request.query),
  );

  app.get(
    `${PREFIX}/drugs/resolve`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The drug a substance string from a file names, or 404',
        querystring: ResolveQuery,
        response: { 200: DrugResolutionSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { name } = request.query;
      const key = normaliseKey(name);
      const found = key ? await store.lookupDrugSynonym(ctx.db, key) : undefined;
      if (!found) throw unresolved('drug', name, key);
      return { input: name, key, ...found };
    },
  );

  app.get(
    `${PREFIX}/drugs/:code`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'One drug with its synonyms',
        params: DrugCodeParams,
        response: { 200: DrugDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const drug = await store.findDrug(ctx.db, request.params.code);
      if (!drug) throw notFound(`No drug has the code "${request.params.code}".`);
      return drug;
    },
  );
}

function unitRoutes(app: App, ctx: AppContext): void {
  app.get(
    `${PREFIX}/units`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Units of mass, volume, count and area, with their aliases',
        response: { 200: Type.Array(UnitSchema), ...errorResponses(401, 403) },
      },
    },
    async () => store.listUnits(ctx.db),
  );

  app.get(
    `${PREFIX}/conversion-tables`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Versions of the kilogram-equivalent table',
        response: { 200: Type.Array(Type.Ref('ReferenceConversionTable')), ...errorResponses(401, 403) },
      },
    },
    async () => store.listConversionTables(ctx.db),
  );

  app.get(
    `${PREFIX}/conversion-tables/:version`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'One kilogram-equivalent table: its rows with their basis, and its named parameters',
        params: VersionParams,
        response: { 200: ConversionTableDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const table = await store.findConversionTable(ctx.db, request.params.version);
      if (!table) throw notFound(`No conversion table has the version "${request.params.version}".`);
      return table;
    },
  );

  app.get(
    `${PREFIX}/summary`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'How much reference data this node holds',
        response: { 200: SummarySchema, ...errorResponses(401, 403) },
      },
    },
    async () => store.summary(ctx.db),
  );
}

/** Read-only reference data API: countries, M49 areas, drugs, units and conversion tables. */
export function referenceRoutes(app: App, ctx: AppContext): void {
  app.addSchema(CountrySchema);
  app.addSchema(DrugSchema);
  app.addSchema(ConversionTableSchema);
  countryRoutes(app, ctx);
  drugRoutes(app, ctx);
  unitRoutes(app, ctx);
}
