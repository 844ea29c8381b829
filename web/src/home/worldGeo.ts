import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import isoCodes from 'i18n-iso-countries/codes.json';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import detailedUrl from 'world-atlas/countries-50m.json?url';
// Natural Earth country outlines (public domain) shipped in the world-atlas package, emitted as hashed files
// next to the app: no tile server and nothing fetched from outside the node.
import coarseUrl from 'world-atlas/countries-110m.json?url';

/** ECharts names map regions by `properties.name`: here the ISO 3166 numeric code, e.g. "156". */
export type WorldMap = FeatureCollection<Geometry, { name: string }>;

export type Detail = 'coarse' | 'detailed';

const ANTARCTICA = '010';

// codes.json rows: [alpha-2, alpha-3, numeric, ISO 3166-2 link].
const numericByAlpha2 = new Map<string, string>();
const alpha2ByNumeric = new Map<string, string>();
for (const [alpha2, , numeric] of isoCodes as string[][]) {
  if (alpha2 && numeric) {
    numericByAlpha2.set(alpha2, numeric);
    alpha2ByNumeric.set(numeric, alpha2);
  }
}

export function numericCode(alpha2: string): string | undefined {
  return numericByAlpha2.get(alpha2.toUpperCase());
}

export function alpha2Code(numeric: string): string | undefined {
  return alpha2ByNumeric.get(numeric);
}

interface CountryProperties {
  name: string;
}

/**
 * The countries as GeoJSON, named by numeric code. The coarse file (1:110 million, ~40 KB compressed) lacks
 * small states such as Singapore; the detailed one (1:50 million) has them and is fetched only when needed.
 */
export async function loadWorld(detail: Detail): Promise<WorldMap> {
  const response = await fetch(detail === 'coarse' ? coarseUrl : detailedUrl);
  if (!response.ok) throw new Error(`map data: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<
    Geometry,
    CountryProperties
  >;
  const features: Feature<Geometry, { name: string }>[] = [];
  countries.features.forEach((country, index) => {
    const id = country.id === undefined ? undefined : String(country.id);
    if (id === ANTARCTICA) return; // Takes a fifth of the height and holds no agency.
    // A few disputed areas have no ISO code; they keep a unique name so the map still draws them.
    features.push({
      ...country,
      geometry: fitGeometry(country.geometry),
      properties: { name: id ?? `x-${index}` },
    });
  });
  return { type: 'FeatureCollection', features };
}

/**
 * Natural Earth keeps Russia's Chukotka and Fiji as rings that cross the 180° meridian; a flat map would draw
 * them as lines across the whole world. Points on the far side are pinned to the meridian instead.
 */
function pinToMeridian(ring: Position[]): Position[] {
  const crosses = ring.some((point, i) => i > 0 && Math.abs((point[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) > 180);
  if (!crosses) return ring;
  const east = ring.filter((point) => (point[0] ?? 0) >= 0).length * 2 >= ring.length;
  return ring.map(([lon = 0, lat = 0]) => [east ? (lon < 0 ? 180 : lon) : lon > 0 ? -180 : lon, lat]);
}

function fitGeometry(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon')
    return { ...geometry, coordinates: geometry.coordinates.map(pinToMeridian) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(pinToMeridian)) };
  }
  return geometry;
}

/**
 * Where to put a pin for a country too small to see on a world map (Singapore, Malta, Bahrain); undefined for
 * countries large enough to show by their fill.
 */
export function pinForSmallRegion(map: WorldMap, numeric: string): [number, number] | undefined {
  const region = map.features.find((f) => f.properties.name === numeric);
  if (!region) return undefined;
  const points = (
    region.geometry.type === 'Polygon'
      ? region.geometry.coordinates.flat()
      : region.geometry.type === 'MultiPolygon'
        ? region.geometry.coordinates.flat(2)
        : []
  ) as Position[];
  if (!points.length) return undefined;
  const lons = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  const [west, east, south, north] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const SMALL_DEGREES = 4; // about the size of Lebanon or Jamaica: below it, a country is a dot at world scale
  if (east - west + (north - south) > SMALL_DEGREES) return undefined;
  return [(west + east) / 2, (south + north) / 2];
}

export function hasRegion(map: WorldMap, numeric: string): boolean {
  return map.features.some((f) => f.properties.name === numeric);
}
