// Draws the app icons (a clock face on a rounded blue square) and writes them as PNG files.
// Run: node resources/icons/generate-icons.mjs — the output is committed; no image tools needed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array, width*height*4) as a PNG. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1); each returns the colour at a point or null.
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, inset, radius) {
  const cx = Math.min(Math.max(x, inset + radius), 1 - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), 1 - inset - radius);
  return Math.hypot(x - cx, y - cy) <= radius && x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset;
}

const blue = [31, 95, 191, 255];
const white = [255, 255, 255, 255];
const red = [214, 48, 49, 255];

function appIcon(x, y) {
  if (!insideRoundedSquare(x, y, 0.04, 0.2)) return null;
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r > 0.3 && r < 0.36) return white; // clock rim
  if (distToSegment(x, y, 0.5, 0.5, 0.5, 0.27) < 0.035) return white; // minute hand
  if (distToSegment(x, y, 0.5, 0.5, 0.66, 0.58) < 0.035) return white; // hour hand
  if (r > 0.39 && r < 0.43 && x > 0.5 && y < 0.5) return red; // the part of the hour that is at risk
  return blue;
}

function trayIcon(x, y) {
  // Monochrome-friendly: a dark clock on transparent ground, readable on light and dark bars.
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r > 0.36 && r < 0.47) return [40, 40, 40, 255];
  if (distToSegment(x, y, 0.5, 0.5, 0.5, 0.22) < 0.07) return [40, 40, 40, 255];
  if (distToSegment(x, y, 0.5, 0.5, 0.7, 0.6) < 0.07) return [40, 40, 40, 255];
  return null;
}

function overlayIcon(x, y) {
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r < 0.42) return distToSegment(x, y, 0.5, 0.25, 0.5, 0.55) < 0.07 || Math.hypot(x - 0.5, y - 0.72) < 0.07 ? white : red;
  return null;
}

/** Renders a shape with 4x4 supersampling for smooth edges. */
function render(size, shape) {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shape((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
      }
      px[i + 3] = Math.round(a / (n * n));
    }
  }
  return encodePng(size, size, px);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of [16, 32, 256, 512]) writeFileSync(join(here, `${size}x${size}.png`), render(size, appIcon));
  writeFileSync(join(here, 'tray.png'), render(16, trayIcon));
  writeFileSync(join(here, 'tray@2x.png'), render(32, trayIcon));
  writeFileSync(join(here, 'overlay-breached.png'), render(16, overlayIcon));
  console.log(`icons written to ${here}`);
}
