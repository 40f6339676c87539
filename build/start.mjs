// `npm start`: the desktop app where Electron's binary is installed; otherwise the browser host.
//
// npm may skip Electron's install script (allowScripts, --ignore-scripts, an office proxy that blocks
// its download): the `electron` package is then present without its binary, and requiring it tries
// a download and ends in a stack trace. Here the binary is looked for first; without it, one line
// says so and `plenary serve` starts in the folder `npm start` was typed in, its URL printed and,
// where there is a desktop, opened in the system browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The Electron executable, or null when the package's binary was never downloaded. */
export function electronBinary(env = process.env) {
  let dir;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, name ?? 'electron');
  if (!name) return null;
  const binary = path.join(dir, 'dist', name);
  return existsSync(binary) ? binary : null;
}

/** The command that opens a URL in the system browser, when this machine has a desktop to show it. */
function browserOpener(env = process.env) {
  if (env.PLENARY_NO_BROWSER === '1') return null;
  if (process.platform === 'darwin') return ['open'];
  if (process.platform === 'win32') return ['cmd', '/c', 'start', '""'];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  const found = spawnSync('sh', ['-c', 'command -v xdg-open'], { encoding: 'utf8' });
  return found.status === 0 ? ['xdg-open'] : null;
}

function openInBrowser(url) {
  const opener = browserOpener();
  if (!opener) return;
  const [command, ...args] = opener;
  const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function serveInBrowser() {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'plenary.mjs'), 'serve', ...process.argv.slice(2).filter((arg) => arg !== '--no-build')],
    {
      cwd: root,
      stdio: ['inherit', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  const lines = createInterface({ input: child.stdout });
  let first = true;
  lines.on('line', (line) => {
    process.stdout.write(`${line}\n`);
    if (first) {
      first = false;
      openInBrowser(line);
    }
  });
  // Ctrl+C reaches the host as well (same process group); it stops cleanly and so does this.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const binary = electronBinary();
  if (binary) {
    if (!process.argv.includes('--no-build')) run(npm, ['run', 'build']);
    run(binary, [root]);
  } else {
    process.stdout.write(
      "Electron's binary is not installed here (its download was skipped or blocked): starting the browser host instead.\n",
    );
    serveInBrowser();
  }
}
