/**
 * Draws the add-in's icons into addin/assets/ (run with `npx tsx scripts/icons.ts`; the PNGs are committed).
 * One drawing at every size the manifests need: an envelope with a check mark on the brand colour, and a
 * white outline variant on transparency for the unified manifest's `icons.outline`.
 *
 *   icon-16/32/80.png   ribbon button and group (both manifests)
 *   icon-64/128.png     XML IconUrl/HighResolutionIconUrl and the unified manifest's alternateIcons (mail: 64/128)
 *   icon-25/48/50/75/96/144.png  XML MobileFormFactor (25, 32 and 48 at scale 1, 2 and 3)
 *   color.png (192)     unified manifest icons.color
 *   outline.png (32)    unified manifest icons.outline (white on transparent)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './lib/png';

export const iconFiles = {
  'icon-16.png': 16,
  'icon-25.png': 25,
  'icon-32.png': 32,
  'icon-48.png': 48,
  'icon-50.png': 50,
  'icon-64.png': 64,
  'icon-75.png': 75,
  'icon-80.png': 80,
  'icon-96.png': 96,
  'icon-128.png': 128,
  'icon-144.png': 144,
  'color.png': 192,
  'outline.png': 32,
} as const;

type Rgba = [number, number, number, number];
const brand: Rgba = [14, 94, 110, 255]; // #0E5E6E
const badge: Rgba = [232, 137, 36, 255]; // #E88924
const white: Rgba = [255, 255, 255, 255];

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): boolean {
  const cx = Math.max(x0 + r, Math.min(x1 - r, x));
  const cy = Math.max(y0 + r, Math.min(y1 - r, y));
  return Math.hypot(x - cx, y - cy) <= r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** The colour at a point of the unit square, or undefined for transparent. */
function shade(x: number, y: number, outline: boolean): Rgba | undefined {
  const stroke = outline ? 0.05 : 0.045;
  const envelope: [number, number, number, number][] = [
    [0.2, 0.3, 0.8, 0.3],
    [0.8, 0.3, 0.8, 0.72],
    [0.8, 0.72, 0.2, 0.72],
    [0.2, 0.72, 0.2, 0.3],
    [0.2, 0.3, 0.5, 0.53],
    [0.5, 0.53, 0.8, 0.3],
  ];
  const check: [number, number, number, number][] = [
    [0.63, 0.74, 0.7, 0.81],
    [0.7, 0.81, 0.83, 0.66],
  ];
  const onEnvelope = envelope.some(([ax, ay, bx, by]) => segmentDistance(x, y, ax, ay, bx, by) <= stroke);
  const badgeDistance = Math.hypot(x - 0.73, y - 0.74);
  const onCheck = check.some(([ax, ay, bx, by]) => segmentDistance(x, y, ax, ay, bx, by) <= stroke * 0.9);
  if (outline) {
    if (badgeDistance <= 0.2)
      return onCheck || Math.abs(badgeDistance - 0.17) <= stroke * 0.6 ? white : undefined;
    return onEnvelope ? white : undefined;
  }
  if (!insideRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.16)) return undefined;
  if (badgeDistance <= 0.19) return onCheck ? white : badge;
  if (badgeDistance <= 0.23) return brand; // a ring of background keeps the badge readable at 16 px
  return onEnvelope ? white : brand;
}

/** Renders at `size` pixels with 4x4 supersampling so the small sizes stay smooth. */
export function renderIcon(size: number, outline: boolean): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            outline,
          );
          if (!colour) continue;
          r += colour[0] * colour[3];
          g += colour[1] * colour[3];
          b += colour[2] * colour[3];
          a += colour[3];
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(iconFiles).map(([file, size]) => {
    writeFileSync(join(dir, file), encodePng(size, size, renderIcon(size, file === 'outline.png')));
    return file;
  });
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'addin', 'assets');
  for (const file of writeIcons(dir)) console.info(`wrote addin/assets/${file}`);
}
