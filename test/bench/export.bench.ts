/**
 * Word export speed: a ~1,000-item resolution with 500 tracked changes and footnotes, exported with
 * revision marks, beside pandoc converting the same text (Markdown → docx) in the same run.
 * Target (issue 7): no slower than pandoc, on the median.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Node } from 'prosemirror-model';
import { exportDocx } from '../../shared/export/index.js';
import { buildDoc } from '../../shared/model/index.js';
import type { ItemSpec, SectionSpec } from '../../shared/model/build.js';
import { schema } from '../../shared/schema/index.js';
import { measurePair, medianResult, summarise, type BenchResult } from './types.js';

const execFileAsync = promisify(execFile);

const SECTIONS = 10;
const ITEMS_PER_SECTION = 100;
const CHANGES = 500;
const FOOTNOTE_EVERY = 10;
const SAMPLES = 7;

const sentence = (i: number) =>
  `de poursuivre les travaux numéro ${i} sur la mise en œuvre des résultats du SMSI et du Programme de développement durable à l'horizon 2030, en coordination avec les États Membres;`;

function sectionSpec(s: number): SectionSpec {
  const items: ItemSpec[] = [];
  for (let i = 0; i < ITEMS_PER_SECTION; i++) {
    const n = s * ITEMS_PER_SECTION + i;
    const text =
      n % FOOTNOTE_EVERY === 0 ? [sentence(n), { footnote: `Note ${n}: voir la Résolution 140 (Rév. Bucarest, 2022).` }] : sentence(n);
    items.push({ text });
  }
  return { kind: s < SECTIONS / 2 ? 'preamble' : 'operative', keyword: s < SECTIONS / 2 ? 'considérant' : 'décide', items };
}

interface Json {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Json[];
  text?: string;
  marks?: unknown[];
}

/** The generated resolution with CHANGES tracked changes: words inserted/deleted, items inserted/deleted. */
export function largeTrackedResolution(): Node {
  const doc = buildDoc({
    blocks: [
      {
        resolution: {
          number: 'RÉSOLUTION 1332 (C11, dernière mod. C24)',
          title: "Rôle de l'UIT dans la mise en œuvre des résultats du SMSI",
          call: "Le Conseil de l'UIT,",
          sections: Array.from({ length: SECTIONS }, (_, s) => sectionSpec(s)),
        },
      },
    ],
  });
  const json = doc.toJSON() as Json;
  const items: Json[] = [];
  const collect = (node: Json) => {
    if (node.type === 'item') items.push(node);
    node.content?.forEach(collect);
  };
  collect(json);
  let made = 0;
  items.forEach((item, index) => {
    if (made >= CHANGES || index % 2 === 1) return;
    const stamp = { id: `bench-${made}`, author: made % 3 === 0 ? 'Secrétariat' : 'Fédération de Russie', date: '2026-04-14T09:00:00Z' };
    made += 1;
    const kind = index % 8;
    if (kind === 0) item.attrs = { ...item.attrs, change: { kind: 'insertion', ...stamp } };
    else if (kind === 2) item.attrs = { ...item.attrs, change: { kind: 'deletion', ...stamp } };
    else {
      const text = item.content![0]!;
      const first = text.content![0]!;
      const words = first.text!.split(' ');
      const markType = kind === 4 ? 'insertion' : 'deletion';
      text.content = [
        { type: 'text', text: `${words.slice(0, 3).join(' ')} ` },
        { type: 'text', text: `${words.slice(3, 6).join(' ')} `, marks: [{ type: markType, attrs: stamp }] },
        { type: 'text', text: words.slice(6).join(' ') },
        ...text.content!.slice(1),
      ];
    }
  });
  return schema.nodeFromJSON(json);
}

/** The same text as Markdown, footnotes included, for pandoc. */
function asMarkdown(doc: Node): string {
  const lines: string[] = [];
  const notes: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => {
      if (child.isText) text += child.text;
      else if (child.type.name === 'footnote') {
        notes.push(`[^${notes.length + 1}]: ${child.textContent}`);
        text += `[^${notes.length}]`;
      }
    });
    lines.push(node.type.name === 'item_text' ? `- ${text}` : text, '');
    return false;
  });
  return [...lines, ...notes].join('\n');
}

export async function run(): Promise<BenchResult> {
  const doc = largeTrackedResolution();
  let itemCount = 0;
  doc.descendants((node) => {
    if (node.type.name === 'item') itemCount += 1;
    return true;
  });
  const dir = mkdtempSync(join(tmpdir(), 'plenary-bench-export-'));
  try {
    const markdown = join(dir, 'resolution.md');
    writeFileSync(markdown, asMarkdown(doc));
    let bytes = 0;
    const { ours, peer } = await measurePair(
      SAMPLES,
      async () => {
        bytes = (await exportDocx(doc, { mode: 'markup' })).byteLength;
      },
      () => runPandoc(markdown, join(dir, 'pandoc.docx')),
    );
    return medianResult(
      'Word export',
      summarise('exportDocx with revision marks', ours),
      summarise('pandoc Markdown → docx (process included)', peer),
      1,
      'median ≤ 1× pandoc on the same text',
      [
        `${itemCount} items, ${CHANGES} tracked changes, ${Math.floor(itemCount / FOOTNOTE_EVERY)} footnotes; our .docx ${Math.round(bytes / 1024)} KiB`,
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runPandoc(input: string, output: string): Promise<void> {
  try {
    await execFileAsync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', output, input]);
  } catch (error) {
    throw new Error(`pandoc is needed for the export benchmark (bash scripts/install-system-deps.sh): ${String(error)}`);
  }
}
