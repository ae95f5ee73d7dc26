import * as Phaser from 'phaser';

/**
 * The Phaser settings the game and the blank benchmark page share (bench/blank.html), so the
 * benchmark measures Phaser itself under the game's own configuration.
 */
export function baseConfig(
  parent: HTMLElement,
  scene: Phaser.Types.Core.GameConfig['scene'],
): Phaser.Types.Core.GameConfig {
  return {
    type: Phaser.WEBGL,
    parent,
    backgroundColor: '#0d1b2a',
    // Howler owns the sound; HTML owns the keyboard (Phaser's key capture would eat page shortcuts).
    audio: { noAudio: true },
    input: { keyboard: false, gamepad: false },
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: parent.clientWidth || 800,
      height: parent.clientHeight || 600,
    },
    // No multisampled canvas: the scenes draw into textures (which WebGL never multisamples) and
    // show them as one quad, so 4× MSAA only multiplied the pixels filled and resolved each frame.
    render: { antialias: true, antialiasGL: false, powerPreference: 'low-power' },
    banner: false,
    scene,
  };
}
