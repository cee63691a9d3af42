#!/usr/bin/env node
// Draws the extension icons (a teal-to-blue rounded square with a white clock)
// into extension/icons/icon-{16,32,48,128}.png. No image libraries: shapes are
// signed-distance tests, supersampled for anti-aliasing, and the PNG is written
// by hand with node:zlib. Deterministic, so re-running changes nothing.
import { deflateSync } from 'node:zlib';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [16, 32, 48, 128];
const SUPERSAMPLE = 8;
const TEAL = [0, 137, 123];
const BLUE = [0, 94, 184];

// ---- PNG encoding

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encode 8-bit RGBA pixels (row-major, 4 bytes each) as a PNG. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, no filter, no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter type: none
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- drawing, in unit coordinates (0..1 across the icon)

function roundedSquareDist(x, y, half, radius) {
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDist(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Colour of one sample point, or null when outside the icon. */
function sample(x, y, size) {
  // Strokes never thinner than ~1.4 px, so the 16 px icon still reads as a clock.
  const stroke = Math.max(0.08, 1.4 / size);
  if (roundedSquareDist(x, y, 0.47, 0.22) > 0) return null;
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.3) <= stroke / 2;
  const minute = segmentDist(x, y, 0.5, 0.5, 0.5, 0.31) <= stroke / 2;
  const hour = segmentDist(x, y, 0.5, 0.5, 0.63, 0.57) <= stroke / 2;
  if (ring || minute || hour) return [255, 255, 255];
  const t = Math.max(0, Math.min(1, (x + y) / 2)); // diagonal gradient
  return TEAL.map((c, i) => Math.round(c + (BLUE[i] - c) * t));
}

export function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      // Average premultiplied samples, then un-premultiply for PNG's straight alpha.
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const c = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba[o] = Math.round(r / covered);
      rgba[o + 1] = Math.round(g / covered);
      rgba[o + 2] = Math.round(b / covered);
      rgba[o + 3] = Math.round((covered / (n * n)) * 255);
    }
  return encodePng(size, size, rgba);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.join(root, 'extension', 'icons');
  await mkdir(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    await writeFile(file, drawIcon(size));
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
