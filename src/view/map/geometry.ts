// Pure map geometry for the map scene: projects the Europe data (assets/map/europe.json) into
// screen space. No Phaser here, so Vitest can check it.
import { geoConicConformal } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface MapCountryData {
  readonly id: string;
  readonly name: string;
  readonly geometry: Polygon | MultiPolygon;
}

/** The shape of assets/map/europe.json, written by scripts/build-map.ts. */
export interface MapData {
  readonly source: string;
  readonly countries: readonly MapCountryData[];
}

/** ISO 3166 numeric codes, as world-atlas uses them. */
export const COUNTRY_IDS = {
  ukraine: '804',
  russia: '643',
  belarus: '112',
  poland: '616',
  moldova: '498',
  romania: '642',
  estonia: '233',
  latvia: '428',
  lithuania: '440',
} as const;

export const BALTIC_IDS: readonly string[] = [
  COUNTRY_IDS.estonia,
  COUNTRY_IDS.latvia,
  COUNTRY_IDS.lithuania,
];

export type LonLat = readonly [lon: number, lat: number];

/** Places the map frames around Ukraine: Warsaw, Riga, the Black Sea's south shore, the Kerch strait. */
const FRAME_ANCHORS: readonly LonLat[] = [
  [19.5, 52.2],
  [24.1, 56.6],
  [31.5, 41.8],
  [38.5, 45.2],
];

export interface ProjectedCountry {
  readonly id: string;
  readonly name: string;
  /**
   * Outer rings only (holes are left out: in this region they are other countries' enclaves,
   * drawn on their own), each a closed flat [x0, y0, x1, y1, ...] array in screen pixels.
   */
  readonly rings: number[][];
}

export interface ProjectedMap {
  readonly countries: readonly ProjectedCountry[];
  /** Screen position of a point, or null when it cannot be projected. */
  readonly project: (lon: number, lat: number) => [number, number] | null;
}

export interface ProjectOptions {
  /** Part of the screen the Ukraine frame must fill; defaults to the whole screen with a margin. */
  readonly extent?: readonly [readonly [number, number], readonly [number, number]];
}

export function isMapData(value: unknown): value is MapData {
  if (typeof value !== 'object' || value === null) return false;
  const { source, countries } = value as { source?: unknown; countries?: unknown };
  return (
    typeof source === 'string' &&
    Array.isArray(countries) &&
    countries.every((c: unknown) => {
      if (typeof c !== 'object' || c === null) return false;
      const { id, name, geometry } = c as { id?: unknown; name?: unknown; geometry?: unknown };
      const type = (geometry as { type?: unknown } | null)?.type;
      return (
        typeof id === 'string' &&
        typeof name === 'string' &&
        (type === 'Polygon' || type === 'MultiPolygon')
      );
    })
  );
}

function outerRings(geometry: Polygon | MultiPolygon): Position[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((polygon) => (polygon[0] ? [polygon[0]] : []));
}

/**
 * Projects the map for a width × height screen with a conformal conic centred on Ukraine, fitted
 * so that Ukraine sits in the middle with Poland, the Baltic states and the Black Sea in view.
 */
export function projectMap(
  data: MapData,
  width: number,
  height: number,
  options: ProjectOptions = {},
): ProjectedMap {
  const margin = Math.max(8, Math.round(Math.min(width, height) * 0.04));
  const [[x0, y0], [x1, y1]] = options.extent ?? [
    [margin, margin],
    [width - margin, height - margin],
  ];
  const ukraine = data.countries.find((c) => c.id === COUNTRY_IDS.ukraine);
  const frame: GeoPermissibleObjects = {
    type: 'GeometryCollection',
    geometries: [
      ...(ukraine ? [ukraine.geometry] : []),
      { type: 'MultiPoint', coordinates: FRAME_ANCHORS.map(([lon, lat]) => [lon, lat]) },
    ],
  };
  const projection = geoConicConformal()
    .parallels([45, 53])
    .rotate([-31, 0])
    .center([0, 49])
    .fitExtent(
      [
        [x0, y0],
        [Math.max(x0 + 1, x1), Math.max(y0 + 1, y1)],
      ],
      frame,
    );

  const project = (lon: number, lat: number): [number, number] | null => {
    const p = projection([lon, lat]);
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
    return [p[0], p[1]];
  };

  const countries = data.countries.map((country): ProjectedCountry => {
    const rings: number[][] = [];
    for (const ring of outerRings(country.geometry)) {
      const flat: number[] = [];
      for (const [lon = 0, lat = 0] of ring) {
        const p = project(lon, lat);
        if (p) flat.push(p[0], p[1]);
      }
      if (flat.length < 8) continue;
      if (flat[0] !== flat[flat.length - 2] || flat[1] !== flat[flat.length - 1]) {
        flat.push(flat[0] ?? 0, flat[1] ?? 0);
      }
      rings.push(flat);
    }
    return { id: country.id, name: country.name, rings };
  });

  return { countries, project };
}

/** Bounding box of a set of flat rings: [minX, minY, maxX, maxY]. */
export function ringBounds(
  rings: readonly (readonly number[])[],
): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i += 2) {
      const x = ring[i] ?? 0;
      const y = ring[i + 1] ?? 0;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Points every `spacing` pixels along a polyline (its ends included when it is long enough),
 * used to place the monitors' dots along the line of contact.
 */
export function pointsAlong(
  line: readonly (readonly [number, number])[],
  spacing: number,
): [number, number][] {
  const out: [number, number][] = [];
  if (line.length === 0 || spacing <= 0) return out;
  let carried = spacing / 2;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1] ?? [0, 0];
    const [bx, by] = line[i] ?? [0, 0];
    const length = Math.hypot(bx - ax, by - ay);
    let at = carried;
    while (at <= length) {
      const t = length === 0 ? 0 : at / length;
      out.push([ax + (bx - ax) * t, ay + (by - ay) * t]);
      at += spacing;
    }
    carried = at - length;
  }
  return out;
}

/**
 * Where the ground-troop markers go: one marker per `perMarker` troops (at least one when there
 * are any, at most `max`, so the clusters stay clear of the line), split between a cluster south-east of Kyiv and one west of Dnipro, laid
 * out in screen space on a sunflower spiral so markers never overlap whatever the zoom.
 */
export function troopMarkerPositions(
  troops: number,
  project: ProjectedMap['project'],
  markerSize: number,
  perMarker = 2500,
  max = 16,
): [number, number][] {
  if (troops <= 0) return [];
  const count = Math.min(max, Math.max(1, Math.round(troops / perMarker)));
  const anchors = TROOP_ANCHORS.map(([lon, lat]) => project(lon, lat)).filter(
    (p): p is [number, number] => p !== null,
  );
  if (anchors.length === 0) return [];
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out: [number, number][] = [];
  const perAnchor = anchors.map((_, i) => Math.ceil((count - i) / anchors.length));
  anchors.forEach(([cx, cy], a) => {
    const n = perAnchor[a] ?? 0;
    for (let k = 0; k < n; k++) {
      const r = markerSize * 0.95 * Math.sqrt(k + 0.5);
      out.push([cx + r * Math.cos(k * golden), cy + r * Math.sin(k * golden)]);
    }
  });
  return out;
}

/** South-east of Kyiv, and west of Dnipro: behind the line, not on it. */
export const TROOP_ANCHORS: readonly LonLat[] = [
  [31.9, 49.85],
  [33.6, 48.75],
];

export const CITIES = {
  kyiv: [30.52, 50.45],
  lviv: [24.03, 49.84],
  dnipro: [35.05, 48.46],
} as const satisfies Record<string, LonLat>;
