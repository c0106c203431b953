#!/usr/bin/env node
// @ts-check
/**
 * `node scripts/renderIcons.mjs`: renders renderer/public/favicon.svg into the PNG icons the
 * app ships (build/icon.png, 1024 px, for electron-builder's installers on every platform;
 * renderer/public/icon.png, 256 px, the window icon on Linux) with Playwright's Chromium.
 * The PNGs are committed; rerun this after changing the SVG.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('renderer/public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [size, file] of /** @type {const} */ ([[1024, 'build/icon.png'], [256, 'renderer/public/icon.png']])) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: file, omitBackground: true });
    await page.close();
    console.log(`${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
