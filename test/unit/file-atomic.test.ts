import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemporaries, writeFileAtomic } from '../../node/file/index.js';
import { backupPath } from '../../node/file/atomic.js';
import { FileFormatError } from '../../shared/file/index.js';
import { parseDocument, serializeDocument } from '../../shared/file/index.js';
import { saveDocument } from '../../node/file/index.js';
import { schema } from '../../shared/schema/index.js';
import { resolution1332, revised1332 } from '../support/docx-fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Files in the folder other than the ones named: a temporary file left behind shows up here. */
async function strayFiles(...expected: string[]): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !expected.includes(name));
}

describe('writeFileAtomic', () => {
  it('creates a new file, with no .bak and nothing else beside it', async () => {
    const target = join(dir, 'res.plenary');
    await writeFileAtomic(target, 'first');
    expect(await readFile(target, 'utf8')).toBe('first');
    expect(await strayFiles('res.plenary')).toEqual([]);
  });

  it('replaces a file and keeps the previous content as .bak, one generation deep', async () => {
    const target = join(dir, 'res.plenary');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second');
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readFile(backupPath(target), 'utf8')).toBe('first');
    await writeFileAtomic(target, new TextEncoder().encode('third'));
    expect(await readFile(target, 'utf8')).toBe('third');
    expect(await readFile(backupPath(target), 'utf8')).toBe('second');
    expect(await strayFiles('res.plenary', 'res.plenary.bak')).toEqual([]);
  });

  it('makes no .bak when asked not to', async () => {
    const target = join(dir, 'res.plenary');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second', { backup: false });
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await strayFiles('res.plenary')).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const target = join(dir, 'res.plenary');
    await writeFile(target, 'first');
    await chmod(target, 0o640);
    await writeFileAtomic(target, 'second');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link to the file it points to', async () => {
    const real = join(dir, 'real.plenary');
    const link = join(dir, 'link.plenary');
    await writeFile(real, 'first');
    await symlink(real, link);
    await writeFileAtomic(link, 'second');
    expect(await readFile(real, 'utf8')).toBe('second');
    expect((await stat(link)).isFile()).toBe(true);
    expect(await readFile(backupPath(real), 'utf8')).toBe('first');
  });

  it('a failure in the middle (rename onto a folder) leaves the target intact and no temporary file', async () => {
    // The temporary file is written and flushed, then the rename fails: the folder must survive
    // with its content, and the temporary file must be gone.
    const target = join(dir, 'res.plenary');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'keep me');
    for (const backup of [true, false]) {
      await expect(writeFileAtomic(target, 'data', { backup })).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/);
      expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('keep me');
      expect(await strayFiles('res.plenary')).toEqual([]);
    }
  });

  it('a failure to keep the backup (its name taken by a folder) leaves the target intact and no temporary file', async () => {
    const target = join(dir, 'res.plenary');
    await writeFile(target, 'first');
    await mkdir(backupPath(target));
    await writeFile(join(backupPath(target), 'x'), 'x');
    await expect(writeFileAtomic(target, 'second')).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('first');
    expect(await strayFiles('res.plenary', 'res.plenary.bak')).toEqual([]);
  });

  it('removes the temporaries a killed save left (its process gone), not those of a live writer', async () => {
    const target = join(dir, 'res.plenary');
    await writeFile(target, 'v1');
    // pid 2^31-2 is not a running process; our own pid is.
    const dead = `.res.plenary.${2 ** 31 - 2}.0a1b2c3d.tmp`;
    const deadBackup = `.res.plenary.bak.${2 ** 31 - 2}.0a1b2c3e.tmp`;
    const live = `.res.plenary.${process.pid}.0a1b2c3f.tmp`;
    const other = `.other.plenary.${2 ** 31 - 2}.0a1b2c40.tmp`;
    for (const name of [dead, deadBackup, live, other]) await writeFile(join(dir, name), 'half a save');
    await writeFileAtomic(target, 'v2');
    expect((await readdir(dir)).sort()).toEqual([other, live, 'res.plenary', 'res.plenary.bak'].sort());
    // At start, every stale temporary of a folder goes.
    expect(await removeStaleTemporaries(dir)).toBe(1);
    expect(await readdir(dir)).not.toContain(other);
  });

  it('a missing folder fails cleanly', async () => {
    await expect(writeFileAtomic(join(dir, 'no', 'such', 'res.plenary'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await strayFiles()).toEqual([]);
  });
});

describe('saveDocument', () => {
  it('saves a valid document that opens again identically, with the previous version as .bak', async () => {
    const target = join(dir, 'res.plenary');
    const first = resolution1332();
    const second = revised1332();
    await saveDocument(target, first);
    await saveDocument(target, second);
    expect(parseDocument(await readFile(target, 'utf8')).doc.eq(second)).toBe(true);
    expect(parseDocument(await readFile(backupPath(target), 'utf8')).doc.eq(first)).toBe(true);
  });

  it('accepts .plenary text (as the renderer sends it), validates it and keeps its created date', async () => {
    const target = join(dir, 'res.plenary');
    const created = '2024-05-06T07:08:09.000Z';
    await saveDocument(target, serializeDocument(resolution1332(), { created }));
    expect(parseDocument(await readFile(target, 'utf8')).metadata.created).toBe(created);
  });

  it('never writes over a file with a document that fails validation', async () => {
    const target = join(dir, 'res.plenary');
    await saveDocument(target, resolution1332());
    const before = await readFile(target, 'utf8');

    // Duplicate ids, as a buggy paste could leave them in memory.
    const json = resolution1332().toJSON() as { content: Array<{ content: Array<{ attrs: { id: string } }> }> };
    json.content[0]!.content[1]!.attrs.id = json.content[0]!.content[0]!.attrs.id;
    const broken = schema.nodeFromJSON(json);
    await expect(saveDocument(target, broken)).rejects.toThrow(FileFormatError);
    // Text of a future format, and truncated text.
    await expect(saveDocument(target, before.replace('"version": 1', '"version": 9'))).rejects.toThrow(/newer Plenary/);
    await expect(saveDocument(target, before.slice(0, 500))).rejects.toThrow(/truncated/);

    expect(await readFile(target, 'utf8')).toBe(before);
    expect(await strayFiles('res.plenary')).toEqual([]);
  });
});
