/**
 * The `plenary` CLI run in process (`main(argv, io)`): every command and exit code, and for every
 * kind of bad input a one-line message, exit 1, and no output file written or written over.
 */
import { copyFile, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/plenary.js';
import type { CliCommand, CliIo } from '../../cli/io.js';
import { FORMAT_VERSION, parseDocument, serializeDocument } from '../../shared/file/index.js';
import { importText } from '../../shared/import/index.js';
import { writeText } from '../../shared/export/index.js';
import { revised1332 } from '../support/docx-fixtures.js';
import { fixturePath } from '../support/fixtures.js';

const FIXTURE = fixturePath('council-res-1332-c24.txt');
const MB = 1024 * 1024;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function plenary(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: dir,
    env,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A user error: exit 1, one line on stderr (plus at most the --help hint), no stack trace. */
function expectUserError(run: Run, message: string | RegExp): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(typeof message === 'string' ? new RegExp(`^plenary \\w+: ${escape(message)}$`) : message);
  expect(lines.slice(1).every((line) => line.startsWith('Run `plenary'))).toBe(true);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('plenary: usage, version, unknown command', () => {
  it('--help lists every command on stdout, exit 0', async () => {
    const run = await plenary(['--help']);
    expect(run.code).toBe(0);
    for (const name of ['import', 'inspect', 'text', 'export', 'compare', 'align', 'carry-over'])
      expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('no command: usage on stderr, exit 1; an unknown command: named, usage, exit 1', async () => {
    const none = await plenary([]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^Usage: plenary <command>/);
    const unknown = await plenary(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^plenary: unknown command "frobnicate"\n\nUsage:/);
  });

  it('--version prints the package version and the file format, exit 0', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    const run = await plenary(['--version']);
    expect(run).toEqual({ code: 0, stdout: `plenary ${pkg.version} (file format ${FORMAT_VERSION})\n`, stderr: '' });
  });

  it("<command> --help prints that command's synopsis, exit 0", async () => {
    const run = await plenary(['text', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: plenary text <file> \[--marked\|--final\|--original\]/);
  });
});

describe('plenary import', () => {
  it('imports Res 1332 C24 into a .plenary that opens as the same document; summary on stderr', async () => {
    const out = join(dir, 'res1332.plenary');
    const run = await plenary(['import', FIXTURE, '-o', 'res1332.plenary']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^plenary import: council-res-1332-c24\.txt → res1332\.plenary: 1 resolution, 9 sections, \d+ items, 1 annex, 1 footnote, 1 top-level block \(language fr\); 0 warning\(s\), 0 unrecognised line\(s\)\n$/,
    );
    const opened = parseDocument(await readFile(out, 'utf8'));
    const direct = importText(await readFile(FIXTURE, 'utf8'));
    expect(writeText(opened.doc)).toBe(writeText(direct.doc));
    expect(opened.metadata.language).toBe('fr');
  });

  it('prints warnings and unrecognised lines, one per line on stderr', async () => {
    const input = await fileWith(
      'odd.txt',
      'RÉSOLUTION 5 (Genève, 2020)\nTitre\nLe Conseil,\nrappelant\na)\tun;\n@@@ ligne bizarre @@@\ndécide\n1\tun.\n',
    );
    const run = await plenary(['import', input, '-o', 'odd.plenary']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/1 unrecognised line\(s\)\n/);
    expect(run.stderr).toMatch(/^unrecognised line 6: @@@ ligne bizarre @@@$/m);
  });

  it('bad arguments: no -o, a non-.plenary output, the input as output, an unknown option', async () => {
    expectUserError(await plenary(['import', FIXTURE]), /^plenary import: missing -o <out\.plenary>; usage: plenary import/);
    expectUserError(await plenary(['import', FIXTURE, '-o', 'out.txt']), 'the output must be a .plenary file, not out.txt');
    expectUserError(await plenary(['import']), /^plenary import: missing argument; usage:/);
    expectUserError(await plenary(['import', FIXTURE, '--colour', '-o', 'x.plenary']), /^plenary import: Unknown option '--colour'/);

    const input = join(dir, 'self.plenary');
    const content = serializeDocument(revised1332());
    await writeFile(input, content);
    expectUserError(
      await plenary(['import', 'self.plenary', '-o', './sub/../self.plenary']),
      'the output is the input file: choose another name with -o',
    );
    expect(await readFile(input, 'utf8')).toBe(content);
  });

  describe('bad input: a clear message, exit 1, and nothing written over', () => {
    const previous = 'previous content of out.plenary\n';
    const cases: Array<[name: string, make: () => Promise<string>, message: string | RegExp]> = [
      ['a missing file', async () => join(dir, 'missing.txt'), /^plenary import: cannot read .*missing\.txt: no such file or folder$/],
      ['an empty file', () => fileWith('empty.txt', ''), 'the file is empty'],
      [
        'a binary file',
        () => fileWith('binary.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
        'this is a binary file, not text (it contains NUL bytes)',
      ],
      [
        'invalid UTF-8',
        () => fileWith('latin1.txt', Buffer.from('RÉSOLUTION 1\n', 'latin1')),
        'the file is not valid UTF-8 text (first bad byte on line 1): save it as UTF-8',
      ],
      [
        'a 50 MB text',
        async () => {
          const path = await fileWith('big.txt', Buffer.alloc(50 * MB, 'a)\tun;\n'));
          return path;
        },
        'big.txt is 50.0 MB; the limit for a text file is 16.0 MB',
      ],
      [
        'a 65 MB .plenary',
        async () => {
          const path = await fileWith('huge.plenary', '{');
          await truncate(path, 65 * MB);
          return path;
        },
        'huge.plenary is 65.0 MB; the limit for a Plenary document is 32.0 MB',
      ],
      [
        'JSON of a future version',
        async () =>
          fileWith('future.plenary', JSON.stringify({ ...JSON.parse(serializeDocument(revised1332())), version: FORMAT_VERSION + 1 })),
        `the file was made by a newer Plenary (format ${FORMAT_VERSION + 1}); this version reads up to ${FORMAT_VERSION}`,
      ],
      [
        'JSON with an unknown node',
        async () => fileWith('unknown.plenary', serializeDocument(revised1332()).replace('"type": "call"', '"type": "invocation"')),
        'unknown node type "invocation" (in doc > resolution)',
      ],
      [
        'JSON with content in the wrong order',
        async () => {
          const envelope = JSON.parse(serializeDocument(revised1332())) as { doc: { content: Array<{ content: unknown[] }> } };
          const resolutionBlocks = envelope.doc.content[0]!.content;
          [resolutionBlocks[2], resolutionBlocks[3]] = [resolutionBlocks[3], resolutionBlocks[2]]; // call before title
          return fileWith('order.plenary', JSON.stringify(envelope));
        },
        /^plenary import: wrong content in resolution: expected number_line adoption_line\? resolution_title call section\* annex\*, found number_line adoption_line call resolution_title section/,
      ],
      [
        'JSON with duplicate ids',
        async () => {
          const envelope = JSON.parse(serializeDocument(revised1332())) as {
            doc: { content: Array<{ attrs: { id: string }; content: Array<{ attrs: { id: string } }> }> };
          };
          envelope.doc.content[0]!.content[0]!.attrs.id = envelope.doc.content[0]!.attrs.id;
          return fileWith('dup.plenary', JSON.stringify(envelope));
        },
        /^plenary import: the id "[0-9a-z]+" is used twice \(resolution and number_line\); block ids must be unique$/,
      ],
      [
        'truncated JSON',
        async () => fileWith('cut.plenary', serializeDocument(revised1332()).slice(0, 2000)),
        'the file is truncated: it ends in the middle of the document',
      ],
      [
        'an old .doc',
        async () => fileWith('old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
        'this is an old binary Word file (.doc): open it in Word or LibreOffice, save it as .docx, and open that',
      ],
    ];

    for (const [name, make, message] of cases) {
      it(name, async () => {
        const input = await make();
        const existing = join(dir, 'existing.plenary');
        await writeFile(existing, previous);
        expectUserError(await plenary(['import', input, '-o', existing]), message);
        expect(await readFile(existing, 'utf8')).toBe(previous);

        const absent = join(dir, 'absent.plenary');
        expectUserError(await plenary(['import', input, '-o', absent]), message);
        const names = await readdir(dir);
        expect(names.filter((n) => n.startsWith('absent') || n.startsWith('existing.plenary.') || n.endsWith('.tmp'))).toEqual([]);
      });
    }
  });
});

describe('plenary inspect', () => {
  it('prints the outline of Res 1332 C24 (sections, labels, nesting)', async () => {
    const run = await plenary(['inspect', FIXTURE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^RÉSOLUTION 1332 \(C11, dernière mod\. C24\)$/m);
    expect(run.stdout).toMatch(/preamble «rappelant» \[recalling\]: 12 items\n\s+a\) b\) c\) d\) e\) f\) g\) h\) i\) j\) k\) l\)\n/);
    expect(run.stdout).toMatch(/operative «charge le Secrétaire général» \[instructs\]: 14 items/);
    expect(run.stdout).not.toMatch(/unrecognised/);
  });

  it('--json gives the same outline as data, for a .plenary too', async () => {
    const path = await fileWith('inspect.plenary', serializeDocument(revised1332()));
    const run = await plenary(['inspect', path, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { kind: string; outline: { resolutions: Array<{ sections: Array<{ keyword: string }> }> } };
    expect(report.kind).toBe('plenary');
    expect(report.outline.resolutions[0]!.sections.map((s) => s.keyword)).toEqual([
      'rappelant',
      'considérant',
      'décide',
      'charge le Secrétaire général',
    ]);
  });

  it('lists the unrecognised lines of a text import', async () => {
    const input = await fileWith(
      'odd-inspect.txt',
      'RÉSOLUTION 5 (Genève, 2020)\nTitre\nLe Conseil,\nrappelant\na)\tun;\n@@@ ligne bizarre @@@\ndécide\n1\tun.\n',
    );
    const run = await plenary(['inspect', input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/unrecognised lines \(1\):\n {2}line 6: @@@ ligne bizarre @@@\n$/);
    const json = JSON.parse((await plenary(['inspect', input, '--json'])).stdout) as { unrecognised: unknown };
    expect(json.unrecognised).toEqual([{ line: 6, text: '@@@ ligne bizarre @@@' }]);
  });

  it('resolves a relative path against the folder it is run in', async () => {
    await copyFile(FIXTURE, join(dir, 'copy.txt'));
    const run = await plenary(['inspect', 'copy.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^RÉSOLUTION 1332/m);
  });

  it('refuses a missing file and a bad argument with exit 1', async () => {
    expectUserError(
      await plenary(['inspect', 'nowhere.plenary']),
      /^plenary inspect: cannot read .*nowhere\.plenary: no such file or folder$/,
    );
    expectUserError(
      await plenary(['inspect', FIXTURE, 'extra']),
      /^plenary inspect: too many arguments; usage: plenary inspect <file> \[--json\]$/,
    );
  });
});

describe('plenary text', () => {
  it('prints the text with labels; tracked changes marked, accepted or rejected', async () => {
    const doc = revised1332();
    const path = await fileWith('revised.plenary', serializeDocument(doc));
    const marked = await plenary(['text', path]);
    expect(marked.code).toBe(0);
    expect(marked.stdout).toBe(writeText(doc, { mode: 'marked' }));
    expect(marked.stdout).toMatch(/\[-C24-\]\[\+C26\+\]/);
    expect((await plenary(['text', path, '--marked'])).stdout).toBe(marked.stdout);
    const final = await plenary(['text', path, '--final']);
    expect(final.stdout).toBe(writeText(doc, { mode: 'final' }));
    expect(final.stdout).toMatch(/dernière mod\. C26\)/);
    const original = await plenary(['text', path, '--original']);
    expect(original.stdout).toMatch(/dernière mod\. C24\)/);
    expect(original.stdout).not.toMatch(/\[\+|\[-/);
  });

  it('a text file prints back in the same conventions', async () => {
    const run = await plenary(['text', FIXTURE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rappelant\na\)\tla Résolution/m);
  });

  it('refuses two modes at once', async () => {
    expectUserError(await plenary(['text', FIXTURE, '--final', '--original']), 'choose one of --marked, --final, --original');
  });
});

describe('plenary compare', () => {
  it('writes the old version with the differences tracked, by the author given', async () => {
    const text = await readFile(FIXTURE, 'utf8');
    await fileWith('res-old.txt', text);
    await fileWith('res-new.txt', text.replace('le rôle de coordonnateur principal', 'un rôle de coordonnateur essentiel'));
    const run = await plenary([
      'compare',
      'res-old.txt',
      'res-new.txt',
      '-o',
      'compared.plenary',
      '--author',
      'Secrétariat',
      '--date',
      '2026-11-23',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('plenary compare: res-old.txt → res-new.txt: 4 change(s) by Secrétariat, written to compared.plenary\n');
    const marked = await plenary(['text', 'compared.plenary', '--marked']);
    expect(marked.stdout).toContain("que l'UIT doit jouer [-le-][+un+] rôle de coordonnateur [-principal-][+essentiel+] dans le processus");
    const final = await plenary(['text', 'compared.plenary', '--final']);
    expect(final.stdout).toBe((await plenary(['text', 'res-new.txt'])).stdout);
  });

  it('compares the resolution in force with a contribution made from it, as .plenary and as its .docx (exit 0)', async () => {
    await fileWith('res-force.txt', await readFile(FIXTURE, 'utf8'));
    expect((await plenary(['new-revision', 'res-force.txt', '-o', 'contribution.plenary', '--date', '2026-11-23'])).code).toBe(0);
    expect((await plenary(['export', 'contribution.plenary', '-o', 'contribution.docx'])).code).toBe(0);
    for (const newer of ['contribution.plenary', 'contribution.docx']) {
      const run = await plenary(['compare', 'res-force.txt', newer, '-o', 'compared.plenary', '--date', '2026-11-23']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`^plenary compare: res-force\\.txt → ${newer.replace('.', '\\.')}: 0 change\\(s\\)`));
      // The result is the contribution: its cover, then the resolution in its annex.
      const outline = await plenary(['text', 'compared.plenary', '--original']);
      expect(outline.stdout).toContain('RÉSOLUTION 1332');
      expect(outline.stdout.indexOf('RÉSOLUTION 1332')).toBeGreaterThan(0);
    }
  });

  it('refuses a date it cannot read, and two language versions, in one line', async () => {
    const text = await readFile(FIXTURE, 'utf8');
    await fileWith('res-a.txt', text);
    expectUserError(
      await plenary(['compare', 'res-a.txt', 'res-a.txt', '-o', 'c.plenary', '--date', 'mardi']),
      /^plenary compare: --date "mardi" is not a date/,
    );
    await plenary(['import', 'res-a.txt', '-o', 'res-en.plenary', '--language', 'en']);
    expectUserError(
      await plenary(['compare', 'res-a.txt', 'res-en.plenary', '-o', 'c.plenary']),
      /^plenary compare: res-a\.txt and res-en\.plenary: the two documents are in different languages \(fr and en\)/,
    );
  });
});

describe('plenary align', () => {
  const EN = fixturePath('parallel/council-res-1332-c24-en.txt');

  it('prints the pairs of two language versions with their scores, and says when the structures agree', async () => {
    const run = await plenary(['align', FIXTURE, EN]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'council-res-1332-c24.txt (fr) ↔ council-res-1332-c24-en.txt (en), markup view: 224 blocks paired, 0 disagreement(s)',
    );
    expect(lines).toContainEqual(expect.stringMatching(/^1\.00 {2}considérant g\) ii\) +↔ {2}considering g\) ii\)$/));
    expect(lines.at(-1)).toBe('the two structures agree');
  });

  it('gives the pairs by block id in JSON, from Word and text files alike, in the view asked for', async () => {
    await plenary(['import', EN, '-o', 'en.plenary']);
    await plenary(['export', 'en.plenary', '-o', 'en.docx']);
    const run = await plenary(['align', FIXTURE, 'en.docx', '--json', '--final']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      view: string;
      languages: { a: string; b: string };
      pairs: Array<{ type: string; a: string; b: string; score: number }>;
      disagreements: unknown[];
    };
    expect(report.view).toBe('final');
    expect(report.languages).toEqual({ a: 'fr', b: 'en' });
    expect(report.pairs.filter((pair) => pair.type === 'item')).toHaveLength(89);
    expect(report.disagreements).toEqual([]);
    expectUserError(
      await plenary(['align', FIXTURE, EN, '--final', '--original']),
      /^plenary align: choose one of --markup, --final, --original/,
    );
  });
});

describe('plenary carry-over', () => {
  const EN = fixturePath('parallel/council-res-1332-c24-en.txt');

  it('writes the English text in force with the French proposal tracked, and says what is left to translate', async () => {
    const text = await readFile(FIXTURE, 'utf8');
    await fileWith('fr-old.txt', text);
    const lastItem = "6\tà encourager les membres de l'Union";
    expect(text).toContain(lastItem);
    // A new invite 6 (the old 6 becomes 7), and the number line's C24 becomes C26.
    await fileWith(
      'fr-new.txt',
      text
        .replace('dernière mod. C24', 'dernière mod. C26')
        .replace(lastItem, "6\tà soutenir l'examen du SMSI+20 en 2025;\n7\tà encourager les membres de l'Union"),
    );
    await plenary(['compare', 'fr-old.txt', 'fr-new.txt', '-o', 'fr-revision.plenary', '--date', '2026-04-14']);
    const run = await plenary([
      'carry-over',
      'fr-revision.plenary',
      EN,
      '-o',
      'en-revision.plenary',
      '--author',
      'Traduction',
      '--date',
      '2026-04-15',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'plenary carry-over: fr-revision.plenary → council-res-1332-c24-en.txt: 1 change(s) by Traduction; 1 to translate, 1 changed in source, 103 translated, 0 checked; written to en-revision.plenary\n',
    );
    const final = await plenary(['text', 'en-revision.plenary', '--final']);
    expect(final.stdout).toContain(
      "to continue to submit projects for the annual WSIS Project Prizes;\n6\tà soutenir l'examen du SMSI+20 en 2025;\n7\tto encourage the members",
    );
    const original = await plenary(['text', 'en-revision.plenary', '--original']);
    expect(original.stdout).toBe((await plenary(['text', EN])).stdout);
  });

  it('refuses two versions of one language and a missing output in one line', async () => {
    expectUserError(
      await plenary(['carry-over', FIXTURE, FIXTURE, '-o', 'same.plenary']),
      /^plenary carry-over: council-res-1332-c24\.txt and council-res-1332-c24\.txt: both documents are in fr/,
    );
    expectUserError(await plenary(['carry-over', FIXTURE, EN]), /^plenary carry-over: missing -o <out\.plenary>/);
  });
});

describe('internal errors', () => {
  const crashing: Record<string, () => Promise<CliCommand>> = {
    crash: async () => ({
      summary: 'crash   a command with a bug',
      run: async () => {
        const value = undefined as unknown as { length: number };
        return value.length;
      },
    }),
  };
  const run = async (env: Record<string, string>): Promise<Run> => {
    let stdout = '';
    let stderr = '';
    const code = await main(
      ['crash'],
      { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: dir, env },
      crashing,
    );
    return { code, stdout, stderr };
  };

  it('exit 2 with one line asking for a report; the stack only with PLENARY_DEBUG=1', async () => {
    const quiet = await run({});
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toMatch(
      /^plenary crash: internal error: Cannot read properties of undefined \(reading 'length'\); please report it \(PLENARY_DEBUG=1 shows the details\)\n$/,
    );
    const debug = await run({ PLENARY_DEBUG: '1' });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('warnings on the terminal (issue 15, item 12)', () => {
  /** A resolution whose décide items all carry a stale label, as after Word's numbering was lost. */
  const stale = (count: number) =>
    [
      'RÉSOLUTION 1332 (C11, dernière mod. C24)',
      "Rôle de l'UIT",
      "Le Conseil de l'UIT,",
      'décide',
      ...Array.from({ length: count }, (_, i) => `7\tque le point ${i + 1} soit examiné;`),
    ].join('\n');

  it('summarises warnings that say the same thing: the first place in full, the count of the others', async () => {
    await fileWith('stale-old.txt', stale(40));
    await fileWith('stale-new.txt', stale(41));
    const run = await plenary(['compare', 'stale-old.txt', 'stale-new.txt', '-o', 'stale.plenary', '--date', '2026-11-23']);
    expect(run.code).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    // Each file: one "does not start a list", then every "7" but the seventh item's out of
    // sequence (38 and 39): two alike are printed, 77 alike summarised.
    expect(warnings).toEqual([
      'warning: line 5: label 7 does not start a list; numbered from its position',
      'warning: line 5: label 7 does not start a list; numbered from its position',
      'warning: line 6: label 7 is out of sequence; numbered from its position (and 76 more like it; --verbose lists them all)',
    ]);
  });

  it('prints every warning with --verbose, whatever the command', async () => {
    await fileWith('stale.txt', stale(30));
    const quiet = await plenary(['import', 'stale.txt', '-o', 'stale-import.plenary']);
    expect(quiet.stderr.split('\n').filter((line) => line.startsWith('warning: '))).toHaveLength(2);
    const verbose = await plenary(['import', 'stale.txt', '-o', 'stale-import.plenary', '--verbose']);
    expect(verbose.code).toBe(0);
    const lines = verbose.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    // The seventh "7" is in sequence: 1 + 28 warnings.
    expect(lines).toHaveLength(29);
    expect(lines[28]).toBe('warning: line 34: label 7 is out of sequence; numbered from its position');
  });
});
