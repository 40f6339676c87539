/**
 * The Word files from the wild (test/fixtures/docx-wild) read by Plenary and by an independent
 * reader, pandoc, in the accepted and rejected views, reduced to the words each reader keeps.
 *
 * Both readers are reduced to word tokens (letters and digits) in reading order, a footnote's or
 * endnote's text at the end of the paragraph holding its anchor. What the two may legitimately
 * write differently — list labels (Plenary computes them, pandoc keeps Word's numbering apart from
 * the text) — is ignored in the comparison; every other difference is reported.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { diffArrays } from 'diff';
import { writeText } from '../../shared/export/text/index.js';
import { importDocx } from '../../shared/import/docx/index.js';

const run = promisify(execFile);

export type View = 'accept' | 'reject';

/** Plenary's text of the view: the text writer's lines, footnote texts kept at the end of their line. */
export function plenaryLines(bytes: Uint8Array, view: View): string[] {
  const { doc } = importDocx(bytes);
  const text = writeText(doc, { mode: view === 'accept' ? 'final' : 'original' });
  return text.split('\n').map((line) => line.replace(/\[footnoteRef:\d+\]/g, ' ').replace(/\[(\d+): /g, ' ['));
}

type PandocNode = { t?: string; c?: unknown } | unknown[] | string | number | null;

/** pandoc's text of the view: a line per paragraph, notes' text at the end of the anchor's line. */
export async function pandocLines(path: string, view: View): Promise<string[]> {
  const { stdout } = await run('pandoc', ['-f', 'docx', `--track-changes=${view}`, '-t', 'json', path], {
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const json = JSON.parse(stdout) as { meta: Record<string, PandocNode>; blocks: PandocNode[] };
  const lines: string[] = [];
  // pandoc lifts Title, Subtitle, Author, Date and Abstract paragraphs into the metadata.
  for (const key of ['title', 'subtitle', 'author', 'date', 'abstract']) if (json.meta[key]) blocksOf(json.meta[key], lines);
  blocksOf(json.blocks, lines);
  return lines;
}

function blocksOf(node: PandocNode, lines: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) blocksOf(child as PandocNode, lines);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const { t, c } = node;
  if (t === 'Para' || t === 'Plain' || t === 'MetaInlines') return void lines.push(paragraph(c as PandocNode));
  if (t === 'Header') return void lines.push(paragraph((c as PandocNode[])[2]!));
  if (t === 'LineBlock') return void (c as PandocNode[]).forEach((inlines) => lines.push(paragraph(inlines)));
  if (t === 'CodeBlock' || t === 'RawBlock') return void lines.push(String((c as PandocNode[])[1]));
  blocksOf(c as PandocNode, lines);
}

function paragraph(inlines: PandocNode): string {
  const notes: string[] = [];
  const text = inlineText(inlines, notes);
  return [text, ...notes.map((note) => `[${note}]`)].join(' ');
}

function inlineText(node: PandocNode, notes: string[]): string {
  if (Array.isArray(node)) return node.map((child) => inlineText(child as PandocNode, notes)).join('');
  if (node === null || typeof node !== 'object') return '';
  const { t, c } = node;
  switch (t) {
    case 'Str':
      return String(c);
    case 'Space':
    case 'SoftBreak':
    case 'LineBreak':
      return ' ';
    case 'Code':
    case 'Math':
    case 'RawInline':
      return String((c as PandocNode[])[1]);
    case 'Note': {
      const lines: string[] = [];
      blocksOf(c as PandocNode, lines);
      notes.push(lines.join(' '));
      return '';
    }
    case 'Image':
      // A picture's description or file name is not text of the document.
      return '';
    case 'Link':
    case 'Span':
    case 'Quoted':
    case 'Cite':
      return inlineText((c as PandocNode[])[1]!, notes);
    default:
      return inlineText(c as PandocNode, notes);
  }
}

/** Word tokens; a soft hyphen (U+00AD, Word's w:softHyphen) is invisible inside a word and does not split it. */
export function words(lines: string[]): string[] {
  return (
    lines
      .join('\n')
      .replace(/\u00AD/g, '')
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  );
}

/** A token a list label can be: a number, a letter, a small Roman numeral. */
const LABEL_TOKEN = /^(?:\d{1,3}|\p{L}|[ivxlcIVXLC]{1,5})$/u;

export interface WordDifference {
  /** Words Plenary has and pandoc has not. */
  plenary: string[];
  /** Words pandoc has and Plenary has not. */
  pandoc: string[];
  /** Some words of context before the difference. */
  after: string;
}

/** The differences between the two readers' words, list labels aside. */
export function wordDifferences(plenary: string[], pandoc: string[]): WordDifference[] {
  const out: WordDifference[] = [];
  let context: string[] = [];
  let pending: WordDifference | null = null;
  const flush = () => {
    if (pending && [...pending.plenary, ...pending.pandoc].some((token) => !LABEL_TOKEN.test(token))) out.push(pending);
    pending = null;
  };
  for (const part of diffArrays(plenary, pandoc)) {
    if (!part.added && !part.removed) {
      flush();
      context = part.value.slice(-4);
      continue;
    }
    pending ??= { plenary: [], pandoc: [], after: context.join(' ') };
    if (part.removed) pending.plenary.push(...part.value);
    else pending.pandoc.push(...part.value);
  }
  flush();
  return out;
}
