// Draws the add-in's icon (a blue rounded square with a white check mark) as PNGs into public/.
// Run once when the icon changes: node scripts/make-icons.mjs  (the PNGs are committed).
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size, outline = false) {
  const px = Buffer.alloc(size * size * 4);
  const r = size * 0.2;
  const inside = (x, y) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  // check mark: two segments, thickness ~ size/9
  const segs = [
    [0.25, 0.52, 0.43, 0.7],
    [0.43, 0.7, 0.76, 0.32],
  ].map((s) => s.map((v) => v * size));
  const th = size / 9;
  const distSeg = (x, y, [x1, y1, x2, y2]) => {
    const dx = x2 - x1, dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const cx = x + 0.5, cy = y + 0.5;
      if (!inside(cx, cy)) continue;
      const onCheck = segs.some((s) => distSeg(cx, cy, s) <= th / 2);
      if (outline) {
        // White check and a white border on transparent, as Teams/Microsoft 365 outline icons require.
        const border = !inside(cx - 2, cy) || !inside(cx + 2, cy) || !inside(cx, cy - 2) || !inside(cx, cy + 2);
        if (!onCheck && !border) continue;
        px[i] = 255; px[i + 1] = 255; px[i + 2] = 255; px[i + 3] = 255;
        continue;
      }
      const [R, G, B] = onCheck ? [255, 255, 255] : [15, 108, 189];
      px[i] = R; px[i + 1] = G; px[i + 2] = B; px[i + 3] = 255;
    }
  }
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128, 192]) writeFileSync(new URL(`icon-${size}.png`, out), icon(size));
// The unified manifest's Teams-style icons: color 192x192 and a white-on-transparent 32x32 outline.
writeFileSync(new URL('icon-color.png', out), icon(192));
writeFileSync(new URL('icon-outline.png', out), icon(32, true));
console.log('icons written to public/');
