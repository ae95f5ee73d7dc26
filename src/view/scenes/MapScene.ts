import * as Phaser from 'phaser';
import { ViewBus } from '../bus';
import { TROOP_CONTEXT, type MapView } from '../model';
import {
  DEFAULT_DISPLAY,
  PALETTES,
  cssColour,
  type DisplaySettings,
  type Palette,
} from '../palette';
import type { LoopRest } from '../rest';
import { BakedPicture } from './baked';
import {
  BALTIC_IDS,
  CITIES,
  COUNTRY_IDS,
  isMapData,
  pointsAlong,
  projectMap,
  troopMarkerPositions,
  type LonLat,
  type MapData,
  type ProjectedCountry,
  type ProjectedMap,
} from '../map/geometry';

/** Cache key of assets/map/europe.json; the preloader loads it from the URL `map/europe.json`. */
export const EUROPE_MAP_KEY = 'europe-map';

const COLOR = {
  sea: 0x0d1b2a,
  land: 0x1c2e44,
  border: 0x3b5673,
  ukraine: 0x2f5f8f,
  ukraineEdge: 0xffd166,
  russia: 0x3b2f3d,
  russiaEdge: 0x6b5568,
  baltic: 0x8ecae6,
  troopsEdge: 0xf1f5f9,
  air: 0x9bd4ff,
  monitor: 0xf8f9fa,
  panel: 0x0a1622,
  panelEdge: 0x35506b,
  track: 0x22384f,
  context: 0x94a3b8,
} as const;

const TEXT = {
  main: '#e8eef5',
  dim: '#9fb3c8',
  country: '#7f98b2',
  troops: '#cfe4ff',
  air: '#bfe3ff',
} as const;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

const COUNTRY_LABELS: readonly { text: string; at: LonLat; size?: number }[] = [
  { text: 'UKRAINE', at: [27.4, 48.7], size: 1.25 },
  { text: 'RUSSIA', at: [40.5, 53.2], size: 1.15 },
  { text: 'BELARUS', at: [27.9, 53.6] },
  { text: 'POLAND', at: [19.6, 52.0] },
  { text: 'ROMANIA', at: [24.6, 45.9] },
  { text: 'MOLDOVA', at: [28.6, 47.2], size: 0.75 },
  { text: 'BALTIC STATES', at: [25.0, 56.3], size: 0.85 },
  { text: 'Black Sea', at: [33.6, 43.4] },
];

const number = new Intl.NumberFormat('en-GB');
/** A window being dragged fires many resizes: lay out once it settles. */
const RESIZE_DEBOUNCE_MS = 150;

interface Layout {
  readonly width: number;
  readonly height: number;
  /** Scale factor for text and markers: 1 at 1024×768. */
  readonly s: number;
  readonly margin: number;
  readonly map: ProjectedMap;
}

/**
 * The map: Europe around Ukraine from Natural Earth, the line of contact, and what the package on
 * the table would place there (troops, air cover, monitors), with the troops set against the
 * Cold War and today's Baltic deployments. Reads `MapView` from the `ViewBus` in the registry.
 *
 * Its objects are made once and drawn into one texture (`BakedPicture`); the countries are
 * triangulated once per size into a texture of their own. A new package, a resize (debounced) or a
 * new palette updates the objects and redraws once; what the package adds eases in, then the
 * scene is still and the game loop can sleep.
 */
export class MapScene extends Phaser.Scene {
  private mapData: MapData | null = null;
  private view: MapView | null = null;
  private layout: Layout | null = null;
  private picture!: BakedPicture;
  private palette: Palette = PALETTES.default;
  private reducedMotion = false;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;

  /** Countries are drawn once per size into `landLayer`; re-triangulating them each frame is costly. */
  private land!: Phaser.GameObjects.Graphics;
  private landLayer!: Phaser.GameObjects.RenderTexture;
  private dome!: Phaser.GameObjects.Graphics;
  private line!: Phaser.GameObjects.Graphics;
  private monitors!: Phaser.GameObjects.Graphics;
  private panel!: Phaser.GameObjects.Graphics;
  private bars!: Phaser.GameObjects.Graphics;
  private markerGroup!: Phaser.GameObjects.Container;
  /** Troop markers, kept and reused; those past the package's count are hidden. */
  private markers: Phaser.GameObjects.Graphics[] = [];
  private markerSize = 0;
  private markerColour = 0;
  /** The base map's labels: one per COUNTRY_LABELS entry, then Kyiv and the attribution. */
  private mapTexts: Phaser.GameObjects.Text[] = [];
  private tags!: {
    line: Phaser.GameObjects.Text;
    monitors: Phaser.GameObjects.Text;
    air: Phaser.GameObjects.Text;
    troops: Phaser.GameObjects.Text;
  };
  /** The package's bar, tweened from its old length to its new one. */
  private readonly packageBar = { troops: 0 };
  private barGeometry: { x: number; y: number[]; width: number; height: number } | null = null;
  private panelTitle!: Phaser.GameObjects.Text;
  /** Label and value of each bar, in pairs; [1] is the package's value. */
  private panelRows: Phaser.GameObjects.Text[] = [];

  constructor() {
    super('MapScene');
  }

  create(): void {
    const raw: unknown = this.cache.json.get(EUROPE_MAP_KEY);
    this.mapData = isMapData(raw) ? raw : null;
    if (!this.mapData)
      console.warn(`MapScene: no map data under the cache key '${EUROPE_MAP_KEY}'`);
    this.readDisplay();

    // The sea is the game's own background colour (config.ts): no camera fill, which would cost a
    // second full-screen pass each frame.
    this.picture = new BakedPicture(this, this.registry.get('rest') as LoopRest | undefined);
    this.build();

    this.relayout();
    const onResize = () => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => this.requestRelayout(), RESIZE_DEBOUNCE_MS);
    };
    const onRestore = () => this.relayout();
    const onDisplay = () => {
      this.readDisplay();
      this.requestRelayout();
    };
    const onWake = () => {
      if (this.dirty) this.relayout();
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    // A lost WebGL context takes the baked land with it.
    this.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, onRestore);
    this.registry.events.on('changedata-display', onDisplay);
    this.events.on(Phaser.Scenes.Events.WAKE, onWake);

    const bus: unknown = this.registry.get('bus');
    const unsubscribe =
      bus instanceof ViewBus ? bus.on('map', (view) => this.show(view)) : undefined;
    if (!unsubscribe) console.warn("MapScene: no ViewBus under the registry key 'bus'");

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      unsubscribe?.();
      clearTimeout(this.resizeTimer);
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      this.renderer.off(Phaser.Renderer.Events.RESTORE_WEBGL, onRestore);
      this.registry.events.off('changedata-display', onDisplay);
      this.events.off(Phaser.Scenes.Events.WAKE, onWake);
      this.land.destroy();
      this.picture.stopAll();
      this.picture.destroy();
      this.markers = [];
      this.mapTexts = [];
      this.panelRows = [];
      this.layout = null;
      this.view = null;
    });
  }

  override update(): void {
    this.picture.bakeIfDirty();
  }

  private readDisplay(): void {
    const display =
      (this.registry.get('display') as DisplaySettings | undefined) ?? DEFAULT_DISPLAY;
    this.palette = PALETTES[display.palette];
    this.reducedMotion = display.reducedMotion;
  }

  private requestRelayout(): void {
    if (this.sys.isSleeping()) this.dirty = true;
    else this.relayout();
  }

  /** Makes every object once, in drawing order. */
  private build(): void {
    const text = (style: Phaser.Types.GameObjects.Text.TextStyle = {}) =>
      this.make.text({ text: '', style: { fontFamily: FONT, ...style } }, false);
    this.land = this.make.graphics({}, false);
    this.landLayer = this.make
      .renderTexture({ x: 0, y: 0, width: this.scale.width, height: this.scale.height }, false)
      .setOrigin(0, 0);
    const base = this.picture.group();
    base.add(this.landLayer);
    this.mapTexts = [...COUNTRY_LABELS, null, null].map(() => text());
    base.add(this.mapTexts.slice(0, COUNTRY_LABELS.length));
    this.dome = this.make.graphics({}, false);
    this.line = this.make.graphics({}, false);
    this.monitors = this.make.graphics({}, false);
    this.markerGroup = this.make.container({}, false);
    const tag = () => text({ backgroundColor: 'rgba(10, 22, 34, 0.78)', fontStyle: 'bold' });
    this.tags = { line: tag(), monitors: tag(), air: tag(), troops: tag() };
    this.panel = this.make.graphics({}, false);
    this.bars = this.make.graphics({}, false);
    this.panelTitle = text();
    this.panelRows = Array.from({ length: 6 }, () => text());
    this.picture
      .group()
      .add([
        this.dome,
        this.line,
        this.monitors,
        this.markerGroup,
        this.tags.line,
        this.tags.monitors,
        this.tags.air,
        this.mapTexts[COUNTRY_LABELS.length]!,
        this.tags.troops,
        this.panel,
        this.bars,
        this.panelTitle,
        ...this.panelRows,
        this.mapTexts[COUNTRY_LABELS.length + 1]!,
      ]);
  }

  /** Recomputes the projection for the current size and redraws everything without animation. */
  private relayout(): void {
    this.dirty = false;
    this.picture.stopAll();
    const width = this.scale.width;
    const height = this.scale.height;
    const s = Phaser.Math.Clamp(Math.min(width / 1024, height / 768), 0.75, 1.6);
    const margin = Math.round(16 * s);
    const empty: ProjectedMap = { countries: [], project: () => null };
    const map = this.mapData ? projectMap(this.mapData, width, height) : empty;
    this.layout = { width, height, s, margin, map };
    this.drawLand();
    this.drawPanel();
    this.drawView({ troops: false, monitors: false, air: false });
  }

  private show(view: MapView): void {
    const previous = this.view;
    this.view = view;
    if (this.dirty || this.sys.isSleeping()) {
      this.dirty = true;
      return;
    }
    const troops = previous?.groundTroops !== view.groundTroops;
    const monitors = previous?.monitors !== view.monitors;
    const air = previous?.airCover !== view.airCover;
    const changed = troops || monitors || air || previous.lineOfContact !== view.lineOfContact;
    if (changed) this.drawView({ troops, monitors, air });
  }

  // --- the base map -----------------------------------------------------------------------------

  private drawLand(): void {
    const layout = this.layout;
    if (!layout) return;
    const { map, s, width, height } = layout;
    const g = this.land.clear();
    const onScreen = (c: ProjectedCountry): boolean =>
      c.rings.some((ring) => ringTouches(ring, width, height));
    const countries = map.countries.filter(onScreen);
    const isMuted = (c: ProjectedCountry): boolean =>
      c.id === COUNTRY_IDS.russia || c.id === COUNTRY_IDS.belarus;
    const isBaltic = (c: ProjectedCountry): boolean => BALTIC_IDS.includes(c.id);
    const isUkraine = (c: ProjectedCountry): boolean => c.id === COUNTRY_IDS.ukraine;

    for (const c of countries) {
      if (isUkraine(c)) continue;
      const russian = isMuted(c);
      g.fillStyle(russian ? COLOR.russia : COLOR.land, 1);
      g.lineStyle(Math.max(1, s), russian ? COLOR.russiaEdge : COLOR.border, 1);
      for (const ring of c.rings) tracePath(g, ring, true, true);
    }
    g.lineStyle(Math.max(1.5, 2 * s), COLOR.baltic, 0.95);
    for (const c of countries.filter(isBaltic)) {
      for (const ring of c.rings) tracePath(g, ring, false, true);
    }
    const ukraine = countries.find(isUkraine);
    if (ukraine) {
      g.fillStyle(COLOR.ukraine, 1);
      g.lineStyle(Math.max(1.5, 2.2 * s), COLOR.ukraineEdge, 1);
      for (const ring of ukraine.rings) tracePath(g, ring, true, true);
    }

    // Kyiv.
    const kyiv = map.project(...CITIES.kyiv);
    if (kyiv) {
      g.fillStyle(COLOR.ukraineEdge, 1).fillCircle(kyiv[0], kyiv[1], 3.5 * s);
      g.lineStyle(1, COLOR.sea, 1).strokeCircle(kyiv[0], kyiv[1], 3.5 * s);
    }
    this.landLayer.resize(width, height).clear().draw(g, 0, 0).render();

    COUNTRY_LABELS.forEach((label, i) => {
      const t = this.mapTexts[i]!;
      const p = map.project(...label.at);
      t.setVisible(p !== null);
      if (!p) return;
      const sea = label.text === 'Black Sea';
      t.setText(label.text)
        .setStyle({
          fontFamily: FONT,
          fontSize: `${Math.round(12 * s * (label.size ?? 1))}px`,
          fontStyle: sea ? 'italic' : 'bold',
          color: sea ? TEXT.dim : TEXT.country,
        })
        .setPosition(p[0], p[1])
        .setOrigin(0.5)
        .setAlpha(0.9);
    });
    const kyivLabel = this.mapTexts[COUNTRY_LABELS.length]!;
    kyivLabel.setVisible(kyiv !== null);
    if (kyiv)
      kyivLabel
        .setStyle(this.labelStyle(13, TEXT.main, 'bold'))
        .setText('Kyiv')
        .setPosition(kyiv[0] - 7 * s, kyiv[1])
        .setOrigin(1, 0.5);
    const credit = this.mapTexts[COUNTRY_LABELS.length + 1]!;
    credit.setVisible(this.mapData !== null);
    credit
      .setStyle(this.labelStyle(10, TEXT.dim))
      .setText('Map: Natural Earth')
      .setPosition(width - layout.margin, height - layout.margin / 2)
      .setOrigin(1, 1)
      .setAlpha(0.7);
    this.picture.invalidate();
  }

  // --- the context panel ------------------------------------------------------------------------

  private drawPanel(): void {
    const layout = this.layout;
    if (!layout) return;
    const { s, margin, height } = layout;
    const pad = Math.round(12 * s);
    const gap = Math.round(16 * s);
    const lineHeight = Math.round(12 * s * 1.45);
    const barHeight = Math.round(8 * s);
    const rowHeight = lineHeight + barHeight + Math.round(8 * s);
    const titleHeight = Math.round(14 * s * 1.6);
    const panelHeight = pad + titleHeight + 3 * rowHeight + Math.round(pad / 2);
    const x = margin;
    const y = height - margin - panelHeight;

    const title = this.panelTitle
      .setStyle(this.labelStyle(14, TEXT.main, 'bold'))
      .setText('Troops in context');
    const rows: [string, string | null][] = [
      ['This package', null],
      ['NATO in the Baltic states today', `< ${number.format(TROOP_CONTEXT.natoTroopsInBaltics)}`],
      ['US troops in Europe, Cold War', `~${number.format(TROOP_CONTEXT.coldWarUsTroopsInEurope)}`],
    ];
    const texts = rows.map(([label, value], i) => [
      this.panelRows[i * 2]!.setStyle(this.labelStyle(12, TEXT.dim)).setText(label),
      this.panelRows[i * 2 + 1]!.setStyle(
        this.labelStyle(12, value ? TEXT.main : TEXT.troops, 'bold'),
      ).setText(value ?? '000,000'),
    ]);
    // Wide enough for each label and its value side by side.
    const inner = Math.max(
      Math.round(260 * s),
      title.width,
      ...texts.map(([l, r]) => (l?.width ?? 0) + gap + (r?.width ?? 0)),
    );
    const width = inner + 2 * pad;

    this.panel
      .clear()
      .fillStyle(COLOR.panel, 0.88)
      .fillRoundedRect(x, y, width, panelHeight, 6 * s)
      .lineStyle(1, COLOR.panelEdge, 1)
      .strokeRoundedRect(x, y, width, panelHeight, 6 * s);
    title.setPosition(x + pad, y + pad);
    const top = y + pad + titleHeight;
    const rowsY = rows.map((_, i) => top + i * rowHeight);
    texts.forEach(([left, right], i) => {
      left?.setPosition(x + pad, rowsY[i] ?? 0);
      right?.setPosition(x + pad + inner, rowsY[i] ?? 0).setOrigin(1, 0);
    });
    this.barGeometry = {
      x: x + pad,
      y: rowsY.map((r) => r + lineHeight),
      width: inner,
      height: barHeight,
    };
    this.drawBars();
  }

  private packageLabel(): string {
    return number.format(Math.round(this.packageBar.troops / 100) * 100);
  }

  private drawBars(): void {
    const geometry = this.barGeometry;
    if (!geometry) return;
    const { x, y, width, height } = geometry;
    const max = Math.max(TROOP_CONTEXT.coldWarUsTroopsInEurope, this.view?.groundTroops ?? 0);
    const values: [number, number][] = [
      [this.packageBar.troops, this.palette.troops],
      [TROOP_CONTEXT.natoTroopsInBaltics, COLOR.baltic],
      [TROOP_CONTEXT.coldWarUsTroopsInEurope, COLOR.context],
    ];
    const g = this.bars.clear();
    values.forEach(([value, color], i) => {
      const by = y[i] ?? 0;
      g.fillStyle(COLOR.track, 1).fillRect(x, by, width, height);
      const w = value > 0 ? Math.max(2, (value / max) * width) : 0;
      g.fillStyle(color, 1).fillRect(x, by, w, height);
    });
    this.panelRows[1]?.setText(this.packageLabel());
    this.picture.invalidate();
  }

  // --- the package on the table -----------------------------------------------------------------

  /** Redraws what the package places; `animate` says which parts changed and ease in. */
  private drawView(animate: { troops: boolean; monitors: boolean; air: boolean }): void {
    const layout = this.layout;
    if (!layout) return;
    const { map, s } = layout;
    const view = this.view;
    const moving = !this.reducedMotion;
    const lineText = cssColour(this.palette.line);

    // Line of contact.
    const line = (view?.lineOfContact ?? [])
      .map(([lon, lat]) => map.project(lon, lat))
      .filter((p): p is [number, number] => p !== null);
    this.line.clear();
    this.tags.line.setVisible(line.length >= 2);
    if (line.length >= 2) {
      const points = line.map(([px, py]) => new Phaser.Math.Vector2(px, py));
      this.line
        .lineStyle(9 * s, this.palette.line, 0.18)
        .strokePoints(points, false, false)
        .lineStyle(Math.max(2, 3 * s), this.palette.line, 1)
        .strokePoints(points, false, false);
      const north = line.reduce((a, b) => (b[1] < a[1] ? b : a));
      this.tag(this.tags.line, north[0] + 8 * s, north[1], 'Line of contact', lineText).setOrigin(
        0,
        0.5,
      );
    }

    // Monitors along the line.
    this.picture.stop(this.monitors);
    this.picture.stop(this.tags.monitors);
    this.monitors.clear().setAlpha(1);
    const showMonitors = Boolean(view?.monitors) && line.length >= 2;
    this.tags.monitors.setVisible(showMonitors).setAlpha(1);
    if (showMonitors) {
      const r = Math.max(2.5, 3.5 * s);
      for (const [px, py] of pointsAlong(line, 26 * s)) {
        this.monitors.fillStyle(COLOR.monitor, 1).fillCircle(px, py, r);
        this.monitors.lineStyle(1.5, COLOR.sea, 1).strokeCircle(px, py, r);
      }
      const south = line.reduce((a, b) => (b[1] > a[1] ? b : a));
      this.tag(this.tags.monitors, south[0], south[1] + 8 * s, 'Monitors', TEXT.main).setOrigin(
        0.5,
        0,
      );
      if (animate.monitors && moving) {
        this.monitors.setAlpha(0);
        this.tags.monitors.setAlpha(0);
        this.picture.animate([this.monitors, this.tags.monitors], { alpha: 1, duration: 500 });
      }
    }

    // Air cover over the country west of the line.
    this.picture.stop(this.dome);
    this.picture.stop(this.tags.air);
    this.dome.clear().setAlpha(1);
    const centre = map.project(30.2, 49.2);
    const west = map.project(23.6, 49.2);
    const showAir = Boolean(view?.airCover) && centre !== null && west !== null;
    this.tags.air.setVisible(showAir).setAlpha(1);
    if (showAir && centre && west) {
      const radius = Math.hypot(centre[0] - west[0], centre[1] - west[1]);
      this.dome.fillStyle(COLOR.air, 0.07).fillCircle(centre[0], centre[1], radius);
      this.dome.fillStyle(COLOR.air, 0.06).fillCircle(centre[0], centre[1], radius * 0.72);
      this.dome.fillStyle(COLOR.air, 0.05).fillCircle(centre[0], centre[1], radius * 0.42);
      this.dome.lineStyle(Math.max(1, 1.5 * s), COLOR.air, 0.6);
      this.dome.strokeCircle(centre[0], centre[1], radius);
      this.tag(
        this.tags.air,
        centre[0] - radius * Math.SQRT1_2,
        centre[1] - radius * Math.SQRT1_2,
        'Allied air cover',
        TEXT.air,
      ).setOrigin(1, 1);
      // The dome fades in, pulses once, and then stays still.
      if (animate.air && moving) {
        this.dome.setAlpha(0);
        this.tags.air.setAlpha(0);
        this.picture.animate([this.dome, this.tags.air], { alpha: 1, duration: 600 });
      }
    }

    this.drawTroops(view?.groundTroops ?? 0, animate.troops && moving);
    this.picture.invalidate();
  }

  private marker(i: number, size: number): Phaser.GameObjects.Graphics {
    if (size !== this.markerSize) {
      this.markerSize = size;
      for (const m of this.markers) drawInfantry(m.clear(), size, this.palette.troops);
    }
    while (this.markers.length <= i) {
      const m = this.make.graphics({}, false);
      drawInfantry(m, size, this.palette.troops);
      this.markerGroup.add(m);
      this.markers.push(m);
    }
    return this.markers[i]!;
  }

  private drawTroops(troops: number, animate: boolean): void {
    const layout = this.layout;
    if (!layout) return;
    const { map, s } = layout;
    for (const m of this.markers) this.picture.stop(m);
    this.picture.stop(this.tags.troops);
    // The palette may have changed: markers redraw on the next size check.
    if (this.markers[0] && this.markerColour !== this.palette.troops) this.markerSize = 0;
    this.markerColour = this.palette.troops;
    const size = Math.round(12 * s);
    const positions = troopMarkerPositions(troops, map.project, size * 1.45);
    positions.forEach(([x, y], i) => {
      const marker = this.marker(i, size)
        .setVisible(true)
        .setPosition(x, y)
        .setScale(1)
        .setAlpha(1);
      if (animate) {
        marker.setScale(0.2).setAlpha(0);
        this.picture.animate([marker], {
          scale: 1,
          alpha: 1,
          duration: 380,
          delay: i * 45,
          ease: 'Back.easeOut',
        });
      }
    });
    for (const m of this.markers.slice(positions.length)) m.setVisible(false);

    const label = this.tags.troops;
    label.setVisible(positions.length > 0).setAlpha(1);
    if (positions.length > 0) {
      const xs = positions.map(([x]) => x);
      const ys = positions.map(([, y]) => y);
      const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
      const top = Math.min(...ys) - size * 0.7;
      const text = `${number.format(troops)} European ${troops === 1 ? 'soldier' : 'troops'}`;
      this.tag(label, cx, top - 4 * s, text, TEXT.troops, 13).setOrigin(0.5, 1);
      // Keep clear of Kyiv's dot and name, which sit to the label's left.
      const kyiv = map.project(...CITIES.kyiv);
      if (kyiv) label.x = Math.max(label.x, kyiv[0] + 8 * s + label.width / 2);
      if (animate) {
        label.setAlpha(0);
        this.picture.animate([label], { alpha: 1, duration: 400, delay: 200 });
      }
    }

    this.tweens.killTweensOf(this.packageBar);
    this.picture.stop(this.bars);
    this.picture.stop(this.panelRows[1]!);
    if (animate) {
      this.picture.animate([this.bars, this.panelRows[1]!], {
        targets: this.packageBar,
        troops,
        duration: 700,
        ease: 'Cubic.easeOut',
        onUpdate: () => this.drawBars(),
      });
    } else {
      this.packageBar.troops = troops;
      this.drawBars();
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** A label on a dark translucent tag, readable over lines and fills. */
  private tag(
    t: Phaser.GameObjects.Text,
    x: number,
    y: number,
    text: string,
    color: string,
    size = 12,
  ): Phaser.GameObjects.Text {
    const s = this.layout?.s ?? 1;
    return t
      .setStyle({
        ...this.labelStyle(size, color, 'bold'),
        backgroundColor: 'rgba(10, 22, 34, 0.78)',
      })
      .setPadding(Math.round(5 * s), Math.round(2 * s))
      .setText(text)
      .setPosition(x, y);
  }

  private labelStyle(
    size: number,
    color: string,
    fontStyle = 'normal',
  ): Phaser.Types.GameObjects.Text.TextStyle {
    const s = this.layout?.s ?? 1;
    return { fontFamily: FONT, fontSize: `${Math.round(size * s)}px`, color, fontStyle };
  }
}

/** Adds one flat ring to the graphics as a path, then fills and/or strokes it. */
function tracePath(
  g: Phaser.GameObjects.Graphics,
  ring: readonly number[],
  fill: boolean,
  stroke: boolean,
): void {
  g.beginPath();
  g.moveTo(ring[0] ?? 0, ring[1] ?? 0);
  for (let i = 2; i + 1 < ring.length; i += 2) g.lineTo(ring[i] ?? 0, ring[i + 1] ?? 0);
  g.closePath();
  if (fill) g.fillPath();
  if (stroke) g.strokePath();
}

/** Whether a ring's bounding box meets the screen. */
function ringTouches(ring: readonly number[], width: number, height: number): boolean {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 1 < ring.length; i += 2) {
    const x = ring[i] ?? 0;
    const y = ring[i + 1] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return maxX >= 0 && minX <= width && maxY >= 0 && minY <= height;
}

/** A NATO-style infantry symbol (a framed cross) centred on the graphics' origin. */
function drawInfantry(g: Phaser.GameObjects.Graphics, size: number, colour: number): void {
  const w = size * 1.4;
  const h = size;
  g.fillStyle(colour, 1).fillRect(-w / 2, -h / 2, w, h);
  g.lineStyle(Math.max(1, size / 10), COLOR.troopsEdge, 1);
  g.strokeRect(-w / 2, -h / 2, w, h);
  g.lineBetween(-w / 2, -h / 2, w / 2, h / 2);
  g.lineBetween(-w / 2, h / 2, w / 2, -h / 2);
}
