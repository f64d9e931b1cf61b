/**
 * Draws the add-in's icon (three rising bars on a blue tile) as PNG files in assets/, at the sizes the
 * manifest names. Run once with `node scripts/make-icons.js`; the PNGs are committed.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BLUE = [15, 108, 189, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The colour of pixel (x, y) of an icon of the given size. */
function pixel(x, y, size) {
  const radius = size * 0.18;
  const inCorner = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2;
  if (
    (x < radius && y < radius && inCorner(radius, radius)) ||
    (x > size - radius && y < radius && inCorner(size - radius, radius)) ||
    (x < radius && y > size - radius && inCorner(radius, size - radius)) ||
    (x > size - radius && y > size - radius && inCorner(size - radius, size - radius))
  )
    return CLEAR;
  const bars = [0.35, 0.55, 0.75]; // heights as shares of the tile
  const barWidth = size * 0.16;
  const gap = size * 0.08;
  const left = (size - 3 * barWidth - 2 * gap) / 2;
  const bottom = size * 0.8;
  for (let i = 0; i < 3; i++) {
    const x0 = left + i * (barWidth + gap);
    if (x >= x0 && x < x0 + barWidth && y < bottom && y >= bottom - bars[i] * size) return WHITE;
  }
  return BLUE;
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...pixel(x + 0.5, y + 0.5, size));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size));
}
