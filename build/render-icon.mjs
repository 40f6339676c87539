// Renders build/icon.svg to build/icon.png (512×512, transparent corners) with headless Chromium.
// electron-builder derives the Windows .ico and macOS .icns from the PNG. Run after editing the SVG:
//   node build/render-icon.mjs [path/to/chromium]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const chromium = process.argv[2] ?? '/usr/bin/chromium';
const work = mkdtempSync(path.join(tmpdir(), 'plenary-icon-'));
try {
  const page = path.join(work, 'icon.html');
  const svg = pathToFileURL(path.join(here, 'icon.svg')).href;
  writeFileSync(
    page,
    `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${svg}" width="512" height="512">`,
  );
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--default-background-color=00000000',
      '--window-size=512,512',
      `--screenshot=${path.join(here, 'icon.png')}`,
      pathToFileURL(page).href,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  console.log('wrote build/icon.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}
