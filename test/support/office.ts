/**
 * The real clients the Word export is checked with: LibreOffice (soffice), pandoc, and poppler's
 * pdftotext / pdftoppm. A missing tool is a test FAILURE with a clear message, never a silent skip
 * (scripts/install-system-deps.sh installs them).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type OfficeTool = 'soffice' | 'pandoc' | 'pdftotext' | 'pdftoppm';

const INSTALL_HINT = 'install it with `bash scripts/install-system-deps.sh`';

/** Fails with a one-line message naming the tool when it is not on PATH. */
export async function requireTool(tool: OfficeTool): Promise<void> {
  try {
    await run('sh', ['-c', `command -v ${tool}`]);
  } catch {
    throw new Error(`${tool} is not installed, and the Word export checks need it: ${INSTALL_HINT}`);
  }
}

async function exec(tool: OfficeTool, args: string[], timeoutMs = 120_000): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(tool, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    throw new Error(`${tool} ${args.join(' ')} failed: ${detail}`);
  }
}

/**
 * Converts files with LibreOffice in ONE process (startup dominates the cost), into `outDir`.
 * `format` is soffice's `--convert-to` argument: `pdf`, or `docx:MS Word 2007 XML` (no quotes: execFile passes them through).
 * Each call uses a private user profile, so parallel test files never share (and lock) one.
 * Returns the output path of each input, in order; a missing output is an error.
 */
export async function sofficeConvert(inputs: string[], format: string, outDir: string): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'plenary-soffice-profile-'));
  try {
    const { stdout, stderr } = await exec(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        format,
        '--outdir',
        outDir,
        ...inputs,
      ],
      240_000,
    );
    const extension = format.split(':')[0]!;
    const produced = new Set(readdirSync(outDir));
    return inputs.map((input) => {
      const name = `${basename(input, extname(input))}.${extension}`;
      if (!produced.has(name)) throw new Error(`soffice did not convert ${input} to ${extension}: ${stdout.trim()} ${stderr.trim()}`);
      return join(outDir, name);
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The text of a PDF, pages separated by form feeds (`\f`). */
export async function pdfText(pdf: string, options: { layout?: boolean } = {}): Promise<string> {
  const { stdout } = await exec('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-']);
  return stdout;
}

/** The pages of a PDF's text. */
export async function pdfPages(pdf: string, options: { layout?: boolean } = {}): Promise<string[]> {
  const text = await pdfText(pdf, options);
  return text.split('\f').filter((page, index, all) => index < all.length - 1 || page.trim() !== '');
}

/** Renders one page (1-based) to `${outPrefix}.png` at `dpi`, returns the PNG's path. */
export async function renderPage(pdf: string, page: number, outPrefix: string, dpi = 60): Promise<string> {
  await exec('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, outPrefix]);
  return `${outPrefix}.png`;
}

/** Runs pandoc and returns its standard output. */
export async function pandoc(args: string[]): Promise<string> {
  const { stdout } = await exec('pandoc', args);
  return stdout;
}

/** A fresh temporary directory; remove it with `rmSync(dir, { recursive: true })`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `plenary-${prefix}-`));
}
