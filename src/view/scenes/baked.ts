import * as Phaser from 'phaser';
import type { LoopRest } from '../rest';

/**
 * A scene's still picture, drawn once into one texture and shown as a single quad. The scene
 * keeps its game objects in `root` (off the display list, so the camera never draws them one by
 * one), updates their properties when something changes and calls `invalidate()`; the texture is
 * redrawn once, in the next update. An object that animates is lifted out of the picture while
 * its tween runs (drawn live above it) and baked back in when the tween ends.
 */
export class BakedPicture {
  readonly root: Phaser.GameObjects.Container;
  /** The picture, drawn off screen. */
  private readonly texture: Phaser.GameObjects.RenderTexture;
  /** What puts it on the canvas each frame (see `show`). */
  private readonly screen: Phaser.GameObjects.Shader | Phaser.GameObjects.RenderTexture;
  private readonly lifted = new Map<
    Phaser.GameObjects.GameObject,
    { parent: Phaser.GameObjects.Container; stand: Phaser.GameObjects.GameObject; gone: () => void }
  >();
  private dirty = true;
  /** Times the picture was redrawn (tests and the bench read it). */
  bakes = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly rest: LoopRest | undefined,
  ) {
    this.root = scene.make.container({}, false);
    const width = Math.max(1, scene.scale.width);
    const height = Math.max(1, scene.scale.height);
    this.texture = scene.make.renderTexture({ x: 0, y: 0, width, height }, false).setOrigin(0, 0);
    this.screen = show(scene, this.texture).setDepth(0);
    this.pixelExact();
  }

  /**
   * The picture covers the canvas pixel for pixel, so it is sampled without filtering: the same
   * pixels for fewer texture reads. A resize makes a new texture, which needs saying again.
   */
  private pixelExact(): void {
    this.texture.texture.setFilter(Phaser.Textures.FilterMode.NEAREST);
  }

  /** A group of objects drawn in order (later groups above earlier ones). */
  group(): Phaser.GameObjects.Container {
    const group = this.scene.make.container({}, false);
    this.root.add(group);
    return group;
  }

  invalidate(): void {
    this.dirty = true;
    this.rest?.poke();
  }

  /** Redraws the texture if anything changed; scenes call it from `update`. */
  bakeIfDirty(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const { width, height } = this.scene.scale;
    if (this.texture.width !== width || this.texture.height !== height) {
      this.texture.resize(Math.max(1, width), Math.max(1, height));
      // The texture may round its size up to even numbers: the screen quad follows it.
      this.screen.setSize(this.texture.width, this.texture.height);
      this.pixelExact();
    }
    this.texture.clear().draw(this.root).render();
    this.bakes++;
  }

  /** Reads one pixel of the picture (as the player sees it, below anything animating). */
  pixel(x: number, y: number): Promise<Phaser.Display.Color> {
    return new Promise((resolve) => {
      this.texture.snapshotPixel(Math.round(x), Math.round(y), (colour) =>
        resolve(colour as Phaser.Display.Color),
      );
    });
  }

  /**
   * Animates objects of the picture live above it, then bakes them back in: `lift` are the
   * objects (inside `root`) to show live, and the tween's targets default to them. Callers skip
   * this with reduced motion and set the final state instead.
   */
  animate(
    lift: readonly Phaser.GameObjects.GameObject[],
    config: Omit<Phaser.Types.Tweens.TweenBuilderConfig, 'targets'> & { targets?: unknown },
  ): void {
    if (lift.length === 0) return;
    for (const target of lift) this.lift(target);
    const settle = () => {
      for (const target of lift) this.settle(target);
    };
    this.scene.tweens.add({
      ...config,
      targets: config.targets ?? [...lift],
      onComplete: settle,
      onStop: settle,
    });
    this.invalidate();
  }

  /** Ends any animation of `target` at once (its tween is removed; the object goes back in). */
  stop(target: Phaser.GameObjects.GameObject): void {
    this.scene.tweens.killTweensOf(target);
    this.settle(target);
  }

  /** Ends every animation (a new layout, a shutdown). */
  stopAll(): void {
    this.scene.tweens.killAll();
    for (const target of [...this.lifted.keys()]) this.settle(target);
  }

  private lift(target: Phaser.GameObjects.GameObject): void {
    if (this.lifted.has(target)) {
      this.scene.tweens.killTweensOf(target);
      if (this.lifted.has(target)) return; // still live: the new tween takes over
    }
    const parent = target.parentContainer;
    if (!parent) return;
    // An empty stand-in keeps the object's place in the drawing order. The container hands the
    // object itself to the scene's display list, where the camera draws it live.
    const stand = this.scene.make.graphics({}, false);
    parent.replace(target, stand);
    // Container#removeHandler drops a different listener than addHandler added (Phaser 4.2.1):
    // drop it here, or every lift would leave one more on the object.
    target.off(Phaser.GameObjects.Events.DESTROY, onChildDestroyed(parent), parent);
    // Its parent's offset no longer applies: keep it where it was.
    const matrix = parent.getWorldTransformMatrix();
    const t = target as unknown as Phaser.GameObjects.Components.Transform;
    t.x += matrix.tx;
    t.y += matrix.ty;
    (target as unknown as Phaser.GameObjects.Components.Depth).setDepth?.(5);
    const gone = () => {
      this.lifted.delete(target);
      stand.destroy();
    };
    this.lifted.set(target, { parent, stand, gone });
    target.once(Phaser.GameObjects.Events.DESTROY, gone);
  }

  private settle(target: Phaser.GameObjects.GameObject): void {
    const place = this.lifted.get(target);
    if (!place) return;
    this.lifted.delete(target);
    target.off(Phaser.GameObjects.Events.DESTROY, place.gone);
    const matrix = place.parent.getWorldTransformMatrix();
    const t = target as unknown as Phaser.GameObjects.Components.Transform;
    t.x -= matrix.tx;
    t.y -= matrix.ty;
    place.parent.replace(place.stand, target, true);
    this.invalidate();
  }

  destroy(): void {
    this.lifted.clear();
    this.root.destroy();
    // Off the display list, so the scene's shutdown does not destroy it (nor its framebuffer).
    this.texture.destroy();
  }
}

/**
 * Copies the picture to the canvas: one texture read per pixel and nothing else. Phaser's own quad
 * shader also un-premultiplies, tints and re-premultiplies every pixel; in software WebGL
 * (SwiftShader, a school laptop without a GPU driver) that made a full-canvas picture cost more than
 * twice as much to show, each frame.
 */
const COPY_SHADER = `precision mediump float;
uniform sampler2D uMainSampler;
varying vec2 outTexCoord;
void main() {
  gl_FragColor = texture2D(uMainSampler, outTexCoord);
}`;

/** The object that shows the picture: the copy shader in WebGL, the texture itself in Canvas. */
function show(
  scene: Phaser.Scene,
  texture: Phaser.GameObjects.RenderTexture,
): Phaser.GameObjects.Shader | Phaser.GameObjects.RenderTexture {
  if (!(scene.renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer))
    return scene.add.existing(texture);
  return scene.add
    .shader(
      {
        name: 'BakedPicture',
        fragmentSource: COPY_SHADER,
        setupUniforms: (setUniform: (name: string, value: number) => void) =>
          setUniform('uMainSampler', 0),
      },
      0,
      0,
      texture.width,
      texture.height,
      [texture.texture.key],
    )
    .setOrigin(0, 0);
}

/** The container's own child-destroyed handler (protected in Phaser's types). */
const onChildDestroyed = (container: Phaser.GameObjects.Container): (() => void) =>
  (container as unknown as { onChildDestroyed: () => void }).onChildDestroyed;
