// Builds assets/map/europe.json from Natural Earth (world-atlas 2.0.2, public domain): the countries
// of Europe and its east, clipped to a lon/lat box and rounded to 2 decimals. Run it with
// `npx tsx scripts/build-map.ts` after updating world-atlas; the output is committed.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoIdentity, geoStream, type GeoStream } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** The box kept, in degrees: west, south, east, north. */
export const BOX = { west: -12, south: 34, east: 60, north: 71 } as const;
const DECIMALS = 2;
/** Islands and slivers smaller than this (square degrees, after clipping) are dropped. */
const MIN_RING_AREA = 0.02;
/** Douglas-Peucker tolerance in degrees, applied to the shared arcs so borders stay shared. */
const TOLERANCE = 0.02;
const SOURCE = 'Natural Earth via world-atlas 2.0.2 (public domain)';
/**
 * Natural Earth's default countries draw Crimea as part of Russia (de facto control). The game
 * shows internationally recognised borders (UN General Assembly resolution 68/262), so Crimea is
 * moved back into Ukraine; occupation is what the line of contact is for. Set to false for NE's
 * own borders.
 */
const CRIMEA_IN_UKRAINE = true;
/** Crimea's bounding box lies inside this one: west, south, east, north. */
const CRIMEA_BOX = [32, 44, 37, 46.5] as const;
const UKRAINE = '804';
const RUSSIA = '643';

type Ring = Position[];

/** Twice the signed planar area; positive for a clockwise ring with y pointing down. */
function doubleArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += xj * yi - xi * yj;
  }
  return sum;
}

function contains(ring: readonly Position[], [x = 0, y = 0]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Clips a geometry to BOX with d3's rectangle clip. The clip works in screen-like coordinates
 * (y down), so latitude is negated on the way in and back on the way out; the clipped rings of each
 * polygon come out together and are regrouped into outer rings and holes by their winding.
 */
function clipToBox(geometry: Geometry): Polygon[] {
  const polygons: Polygon[] = [];
  let rings: Ring[] = [];
  let ring: Ring = [];
  let inPolygon = false;
  const sink: GeoStream = {
    point(x, y) {
      ring.push([x, -y]);
    },
    lineStart() {
      ring = [];
    },
    lineEnd() {
      if (inPolygon && ring.length > 2) rings.push(ring);
    },
    polygonStart() {
      inPolygon = true;
      rings = [];
    },
    polygonEnd() {
      inPolygon = false;
      // In y-down coordinates outer rings wind clockwise (positive area) and holes the other way;
      // with latitude flipped back the signs swap.
      const outer: Polygon[] = [];
      const holes: Ring[] = [];
      for (const r of rings) {
        if (doubleArea(r) < 0) outer.push({ type: 'Polygon', coordinates: [r] });
        else holes.push(r);
      }
      for (const hole of holes) {
        const home = outer.find(
          (p) => p.coordinates[0] && hole[0] && contains(p.coordinates[0], hole[0]),
        );
        home?.coordinates.push(hole);
      }
      polygons.push(...outer);
    },
    sphere() {},
  };
  const clip = geoIdentity()
    .reflectY(true)
    .clipExtent([
      [BOX.west, -BOX.north],
      [BOX.east, -BOX.south],
    ]);
  geoStream(geometry, clip.stream(sink));
  return polygons;
}

function quantiseRing(ring: Ring): Ring | null {
  const factor = 10 ** DECIMALS;
  const out: Ring = [];
  for (const [x = 0, y = 0] of ring) {
    const point = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  if (out.length < 4 || Math.abs(doubleArea(out)) / 2 < MIN_RING_AREA) return null;
  return out;
}

function quantise(polygons: readonly Polygon[]): Polygon | MultiPolygon | null {
  const kept: Position[][][] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon.coordinates;
    const q = outer && quantiseRing(outer);
    if (!q) continue;
    const qHoles = holes.map(quantiseRing).filter((r): r is Ring => r !== null);
    kept.push([q, ...qHoles]);
  }
  if (kept.length === 0) return null;
  if (kept.length === 1 && kept[0]) return { type: 'Polygon', coordinates: kept[0] };
  return { type: 'MultiPolygon', coordinates: kept };
}

/** Perpendicular distance from p to the segment a-b. */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function douglasPeucker(points: readonly Position[], tolerance: number): Position[] {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() ?? [0, 0];
    const a = points[from];
    const b = points[to];
    if (!a || !b) continue;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(points[i] ?? a, a, b);
      if (d > worstDistance) [worst, worstDistance] = [i, d];
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplifies every arc of a quantised topology in place. Arcs end where borders meet, so the
 * neighbours on either side of a border get the same simplified line. Closed arcs (islands) keep
 * at least four points so they stay rings.
 */
function simplifyTopology(topology: Topology, tolerance: number): void {
  const transform = topology.transform;
  if (!transform) throw new Error('expected a quantised topology');
  const [sx, sy] = transform.scale;
  topology.arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const absolute = arc.map(([dx = 0, dy = 0]) => [(x += dx), (y += dy)]);
    const degrees = absolute.map(([ax = 0, ay = 0]) => [ax * sx, ay * sy]);
    const kept = douglasPeucker(degrees, tolerance);
    const closed = absolute.length > 3 && x === absolute[0]?.[0] && y === absolute[0]?.[1];
    const result =
      closed && kept.length < 4
        ? absolute
        : kept.map(([kx = 0, ky = 0]) => [Math.round(kx / sx), Math.round(ky / sy)]);
    let px = 0;
    let py = 0;
    return result.map(([ax = 0, ay = 0]) => {
      const delta = [ax - px, ay - py];
      [px, py] = [ax, ay];
      return delta;
    });
  });
}

type Countries = GeometryCollection<{ name: string }>;

/**
 * Moves the Crimea polygon from Russia to Ukraine in the topology, merging it with Ukraine along
 * their shared border (so no line is drawn across the Perekop isthmus). Returns Ukraine's merged
 * geometry.
 */
function crimeaToUkraine(topology: Topology, countries: Countries): MultiPolygon {
  const russia = countries.geometries.find((g) => g.id === RUSSIA);
  const ukraine = countries.geometries.find((g) => g.id === UKRAINE);
  if (russia?.type !== 'MultiPolygon' || !ukraine || ukraine.type !== 'MultiPolygon') {
    throw new Error('expected Russia and Ukraine as MultiPolygons in countries-50m');
  }
  const [west, south, east, north] = CRIMEA_BOX;
  const isCrimea = (arcs: number[][]): boolean => {
    const polygon: TopoPolygon = { type: 'Polygon', arcs };
    const ring = feature(topology, polygon).geometry.coordinates[0] ?? [];
    return ring.every(([x = 0, y = 0]) => x > west && x < east && y > south && y < north);
  };
  const crimea = russia.arcs.filter(isCrimea);
  if (crimea.length !== 1) throw new Error(`expected one Crimea polygon, found ${crimea.length}`);
  (russia as TopoMultiPolygon).arcs = russia.arcs.filter((arcs) => !isCrimea(arcs));
  return merge(topology, [ukraine, { type: 'MultiPolygon', arcs: crimea }]);
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export interface MapCountry {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

function main(): void {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  simplifyTopology(topology, TOLERANCE);
  const ukraine = CRIMEA_IN_UKRAINE ? crimeaToUkraine(topology, topology.objects.countries) : null;
  const collection = feature(topology, topology.objects.countries);
  const countries: MapCountry[] = [];
  for (const f of collection.features as Feature<Geometry | null, { name: string }>[]) {
    const source = f.id === UKRAINE && ukraine ? ukraine : f.geometry;
    if (!source) continue;
    const geometry = quantise(clipToBox(source));
    if (!geometry) continue;
    const name = f.properties.name;
    const id = f.id === undefined ? slug(name) : String(f.id);
    countries.push({ id, name, geometry });
  }
  countries.sort((a, b) => a.name.localeCompare(b.name));

  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const out = resolve(root, 'assets/map/europe.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ source: SOURCE, countries }) + '\n');
  const kb = (statSync(out).size / 1024).toFixed(1);
  console.log(`wrote ${out}: ${countries.length} countries, ${kb} KB`);
  console.log(countries.map((c) => c.name).join(', '));
}

main();
