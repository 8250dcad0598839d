#!/usr/bin/env node
// Draws the product mark into public/icon/<size>.png, which WXT lists as the manifest's icons.
// The mark is the one in components/common/BrandBar.tsx: a white speech bubble with a blue tick,
// here on a blue rounded square so it reads on light and dark toolbars alike.
// Pure Node (zlib only) so that it runs anywhere without an image library. Each pixel is the
// average of a grid of samples, which gives smooth (antialiased) edges at every size.
// Run it again after changing the shape: `node scripts/make-icons.mjs`.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
const OUT_DIR = new URL('../public/icon/', import.meta.url);

// --- The shapes, in the 24 × 24 units of BrandBar's SVG viewBox -------------------------------

/** Speech bubble: path "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z". */
function inBubble(x, y) {
  return inRoundedRect(x, y, 2, 3, 22, 18, 2) || inTail(x, y);
}

/** The tail: the triangle (4,18) (9,18) (4,22) below the bubble's bottom-left corner. */
function inTail(x, y) {
  if (x < 4 || y < 18) return false;
  // Hypotenuse from (9,18) to (4,22): inside while 4(x − 4) + 5(y − 18) ≤ 20.
  return 4 * (x - 4) + 5 * (y - 18) <= 20;
}

/** Tick: polyline (7,10.5) (10,13.5) (17,6.5), stroke width 2.4, butt caps, mitred corner. */
const TICK_HALF_WIDTH = 1.2;
const TICK = [
  // At a right-angled corner the mitre is exactly each segment squared off half a stroke width
  // past the corner, so each segment is extended there by the half width and nowhere else.
  { a: [7, 10.5], b: [10, 13.5], extendStart: 0, extendEnd: TICK_HALF_WIDTH },
  { a: [10, 13.5], b: [17, 6.5], extendStart: TICK_HALF_WIDTH, extendEnd: 0 },
];

function inTick(x, y) {
  return TICK.some(({ a, b, extendStart, extendEnd }) => {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const length = Math.hypot(dx, dy);
    const ux = dx / length;
    const uy = dy / length;
    const px = x - a[0];
    const py = y - a[1];
    const along = px * ux + py * uy;
    const across = Math.abs(px * uy - py * ux);
    return along >= -extendStart && along <= length + extendEnd && across <= TICK_HALF_WIDTH;
  });
}

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// --- Layout on the icon --------------------------------------------------------------------------

/**
 * The blue square fills the icon at toolbar sizes. At 96 and 128 it leaves a margin of 1/16,
 * close to the Chrome Web Store's advice to keep artwork inside the centre of the 128 px icon.
 */
function layout(size) {
  const margin = size >= 96 ? size / 16 : 0;
  const square = size - 2 * margin;
  // The bubble's bounding box (x 2–22, y 3–22) is centred and fills 72% of the square, or 80% at
  // 16 px, where a larger tick stays legible in the toolbar.
  const scale = (square * (size <= 16 ? 0.8 : 0.72)) / 20;
  return {
    margin,
    square,
    radius: square * 0.22,
    scale,
    // Centre of the bubble's bounding box, (12, 12.5), sits at the centre of the icon.
    offsetX: size / 2 - 12 * scale,
    offsetY: size / 2 - 12.5 * scale,
  };
}

/** The colour (RGBA, 0–255) at one point of the icon, in pixels. */
function colourAt(px, py, size, l) {
  const end = l.margin + l.square;
  if (!inRoundedRect(px, py, l.margin, l.margin, end, end, l.radius)) return null;
  const x = (px - l.offsetX) / l.scale;
  const y = (py - l.offsetY) / l.scale;
  if (inTick(x, y)) return BLUE;
  if (inBubble(x, y)) return WHITE;
  return BLUE;
}

/** Renders one icon, averaging samples × samples points per pixel. */
function render(size, samples = 16) {
  const l = layout(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt(col + (sx + 0.5) / samples, row + (sy + 0.5) / samples, size, l);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const i = (row * size + col) * 4;
      if (covered > 0) {
        // Colours are averaged over the covered samples only (straight alpha), so edges against
        // transparency keep their true colour instead of darkening.
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((covered / (samples * samples)) * 255);
      }
    }
  }
  return rgba;
}

// --- PNG encoding ------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // not interlaced
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let row = 0; row < size; row += 1) {
    raw[row * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = new URL(`${size}.png`, OUT_DIR);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`Wrote public/icon/${size}.png`);
}
