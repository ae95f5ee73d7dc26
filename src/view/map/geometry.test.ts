import { describe, expect, it } from 'vitest';
import europe from '../../../assets/map/europe.json';
import {
  CITIES,
  COUNTRY_IDS,
  isMapData,
  pointsAlong,
  projectMap,
  ringBounds,
  troopMarkerPositions,
  type MapData,
} from './geometry';

function loadMap(): MapData {
  const data: unknown = europe;
  if (!isMapData(data)) throw new Error('assets/map/europe.json does not have the map shape');
  return data;
}

const SCREENS = [
  [1024, 768],
  [1920, 1080],
  [800, 1200],
] as const;

describe('the map data', () => {
  it('holds Ukraine, its neighbours and the Baltic states', () => {
    const ids = loadMap().countries.map((c) => c.id);
    for (const id of Object.values(COUNTRY_IDS)) expect(ids).toContain(id);
  });
});

describe.each(SCREENS)('projectMap on a %i×%i screen', (width, height) => {
  const map = projectMap(loadMap(), width, height);

  it('projects Ukraine inside the frame, filling much of it', () => {
    const ukraine = map.countries.find((c) => c.id === COUNTRY_IDS.ukraine);
    expect(ukraine).toBeDefined();
    const [minX, minY, maxX, maxY] = ringBounds(ukraine?.rings ?? []);
    expect(minX).toBeGreaterThanOrEqual(0);
    expect(minY).toBeGreaterThanOrEqual(0);
    expect(maxX).toBeLessThanOrEqual(width);
    expect(maxY).toBeLessThanOrEqual(height);
    expect(Math.max((maxX - minX) / width, (maxY - minY) / height)).toBeGreaterThan(0.4);
  });

  it('puts Kyiv east of Lviv and north of Dnipro', () => {
    const kyiv = map.project(...CITIES.kyiv);
    const lviv = map.project(...CITIES.lviv);
    const dnipro = map.project(...CITIES.dnipro);
    expect(kyiv && lviv && dnipro).toBeTruthy();
    if (!kyiv || !lviv || !dnipro) return;
    expect(kyiv[0]).toBeGreaterThan(lviv[0]);
    expect(kyiv[1]).toBeLessThan(dnipro[1]);
  });

  it('keeps Kyiv on screen, near the middle', () => {
    const kyiv = map.project(...CITIES.kyiv);
    expect(kyiv).not.toBeNull();
    const [x, y] = kyiv ?? [0, 0];
    expect(x).toBeGreaterThan(width * 0.25);
    expect(x).toBeLessThan(width * 0.75);
    expect(y).toBeGreaterThan(height * 0.2);
    expect(y).toBeLessThan(height * 0.8);
  });

  it('gives every country closed, non-empty rings of finite numbers', () => {
    for (const country of map.countries) {
      expect(country.rings.length, country.name).toBeGreaterThan(0);
      for (const ring of country.rings) {
        expect(ring.length % 2).toBe(0);
        expect(ring.length).toBeGreaterThanOrEqual(8);
        expect(ring.every(Number.isFinite)).toBe(true);
        expect(ring.slice(-2)).toEqual(ring.slice(0, 2));
      }
    }
  });
});

describe('pointsAlong', () => {
  it('spaces points evenly along a polyline, across its bends', () => {
    const points = pointsAlong(
      [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
      5,
    );
    expect(points).toEqual([
      [2.5, 0],
      [7.5, 0],
      [10, 2.5],
      [10, 7.5],
    ]);
  });

  it('gives nothing for an empty line', () => {
    expect(pointsAlong([], 5)).toEqual([]);
  });
});

describe('troopMarkerPositions', () => {
  const map = projectMap(loadMap(), 1024, 768);

  it('places no markers for no troops', () => {
    expect(troopMarkerPositions(0, map.project, 12)).toEqual([]);
  });

  it('places more markers for more troops, up to a cap', () => {
    const few = troopMarkerPositions(5_000, map.project, 12).length;
    const many = troopMarkerPositions(20_000, map.project, 12).length;
    expect(many).toBeGreaterThan(few);
    expect(troopMarkerPositions(1_000_000, map.project, 12)).toHaveLength(16);
    expect(troopMarkerPositions(1, map.project, 12)).toHaveLength(1);
  });

  it('keeps markers west of Dnipro', () => {
    const dnipro = map.project(...CITIES.dnipro);
    const markers = troopMarkerPositions(20_000, map.project, 12);
    for (const [x] of markers) expect(x).toBeLessThan(dnipro?.[0] ?? 0);
  });
});
