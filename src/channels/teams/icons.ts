/**
 * The Teams app icons, drawn in code so they can be regenerated and checked: a lifebuoy.
 * `color.png` is 192×192 on the accent colour; `outline.png` is 32×32, white on transparent,
 * as Teams requires. Regenerate with `writeTeamsIcons('manifest/teams')` after a change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png';

type Rgb = readonly [number, number, number];

/** The manifest's accentColor (#4B53BC), the colour icon's background. */
export const ACCENT: Rgb = [0x4b, 0x53, 0xbc];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const BAND: Rgb = [0xe3, 0x41, 0x2f];
/** Samples per pixel side: 4×4 samples give smooth edges. */
const SAMPLES = 4;

/** The part of a lifebuoy at (x, y), in units of its outer radius around its centre. */
function lifebuoy(x: number, y: number, inner: number, bandHalfWidth: number): 'ring' | 'band' | null {
  const r = Math.hypot(x, y);
  if (r > 1 || r < inner) return null;
  const onBand = Math.abs(x - y) / Math.SQRT2 < bandHalfWidth || Math.abs(x + y) / Math.SQRT2 < bandHalfWidth;
  return onBand ? 'band' : 'ring';
}

/** Draws `size`×`size` pixels; `paint` gives a sample's colour and opacity (0..1). */
function draw(size: number, paint: (x: number, y: number) => { rgb: Rgb; alpha: number }): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const { rgb, alpha } = paint(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          r += rgb[0] * alpha;
          g += rgb[1] * alpha;
          b += rgb[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      // Colour is averaged over the covered samples only, so edges fade in opacity, not to black.
      rgba[i] = a > 0 ? Math.round(r / a) : 0;
      rgba[i + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[i + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/** The 192×192 colour icon: a white and red lifebuoy on the accent colour. */
export function colorIcon(): Buffer {
  const size = 192;
  const radius = 64;
  return draw(size, (x, y) => {
    const part = lifebuoy((x - size / 2) / radius, (y - size / 2) / radius, 0.55, 0.17);
    return { rgb: part === 'ring' ? WHITE : part === 'band' ? BAND : ACCENT, alpha: 1 };
  });
}

/** The 32×32 outline icon: the lifebuoy's ring in white, its bands left out, on transparent. */
export function outlineIcon(): Buffer {
  const size = 32;
  const radius = 15;
  return draw(size, (x, y) => {
    const part = lifebuoy((x - size / 2) / radius, (y - size / 2) / radius, 0.5, 0.16);
    return { rgb: WHITE, alpha: part === 'ring' ? 1 : 0 };
  });
}

/** Writes color.png and outline.png into a Teams app folder. */
export function writeTeamsIcons(dir: string): void {
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
}
