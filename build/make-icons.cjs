// Renders build/icon.svg into the icon files electron-builder packs (run: node build/make-icons.cjs).
// PNGs come from Chromium (Debian's, via playwright-core); .ico and .icns are plain containers of those PNGs.
'use strict';
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const HERE = __dirname;
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

async function renderPngs(sizes) {
  const svg = readFileSync(join(HERE, 'icon.svg'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu'],
  });
  const pngs = new Map();
  try {
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
      await page.setContent(`<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return pngs;
}

/** Windows .ico holding PNG images (supported since Vista). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(([size, png]) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, png]) => png)]);
}

/** macOS .icns holding PNG images under their OSType codes. */
function icns(images) {
  const chunks = images.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

(async () => {
  const pngs = await renderPngs([...LINUX_SIZES, 1024]);
  const png = (size) => pngs.get(size);
  mkdirSync(join(HERE, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(join(HERE, 'icons', `${size}x${size}.png`), png(size));
  writeFileSync(join(HERE, 'icon.png'), png(512));
  writeFileSync(join(HERE, 'icon.ico'), ico([16, 32, 48, 64, 128, 256].map((s) => [s, png(s)])));
  writeFileSync(join(HERE, 'icon.icns'), icns([['icp4', png(16)], ['icp5', png(32)], ['icp6', png(64)], ['ic07', png(128)], ['ic08', png(256)], ['ic09', png(512)], ['ic10', png(1024)]]));
  console.log('icons written to build/');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
