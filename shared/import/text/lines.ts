/**
 * First pass of the text importer: each physical line of the source becomes a `SourceLine` with
 * its conversion artifacts removed, its leading tabs counted, its label (the text before the first
 * tab, when it has the shape of a label) split off, and its footnotes attached to their anchors.
 * Nothing here knows about resolutions; the parser (./parse.ts) gives the lines their meaning.
 *
 * Conventions of the Word-to-text conversion (docs/resolution-structure.md, "The fixtures"):
 * - `[bookmark: …]` and `[image: ]` anywhere in a line are artifacts;
 * - `[footnoteRef:N]` is a footnote anchor, and `[N: text]` on the same line holds its text;
 * - the converter sometimes repeats the footnote number after the anchor and at the start of the
 *   footnote text (`développement[footnoteRef:1]1, y compris` … `[1: 1 \tPar pays…]`).
 */
import type { Node } from 'prosemirror-model';
import type { InlineRun } from '../../model/index.js';
import type { BlockChange, SectionKind } from '../../schema/index.js';

export interface SourceLine {
  /** 1-based line number in the source text. */
  no: number;
  /** Leading tabs (spaces before them are conversion noise and do not count). */
  tabs: number;
  /** The label before the first tab (`a)`, `12`, `ii)`, `–`, `2.1`, `IV`), when the line has one. */
  label: string | null;
  /** Inline content after the tabs and the label: text and footnotes. */
  runs: InlineRun[];
  /** The text of `runs` without footnotes, for recognising keywords, headings and punctuation. */
  plain: string;
  /** The line as written, for messages. */
  raw: string;
  /** Lines read from Word only: the tracked insertion/deletion of the whole paragraph. */
  change?: BlockChange | null;
  /** Lines read from Word only: the tracked insertion/deletion of the paragraph mark alone. */
  paragraphMark?: BlockChange | null;
  /** A later deletion of a block that `change` says was inserted by someone else (see the schema's `deletion`). */
  deletion?: BlockChange | null;
  /** Lines read from Word only: a block read whole (a table, shared/import/docx/tables.ts), placed as it is. */
  block?: Node;
  /** The same block as lines, for where it cannot stand (a table among a section's items). */
  blockAsLines?: SourceLine[];
  /** What reading the block simplified, for the import's warnings. */
  blockWarnings?: string[];
  /**
   * Lines read from Word only: an empty paragraph in the keyword style (`Call`) just before
   * labelled items — a section whose keyword was deleted, written so by the exporter. It still
   * opens a section (of the kind its items' labels say), so the items are not read as the previous
   * section's.
   */
  emptyKeyword?: { kind: SectionKind };
}

export interface LinesResult {
  lines: SourceLine[];
  warnings: string[];
}

const FOOTNOTE_ANCHOR = /\[footnoteRef:(\d+)\]/g;
const LEADING_SPACE = /^[ \t\u00A0]*/;
/** A label is short and has no spaces; whether it is really a label is decided by its shape. */
const LABEL_BEFORE_TAB = /^([^\s]{1,12})\t+/u;

/**
 * Shapes of the labels the text format knows: item labels (`a)`, `1`, `i)`, `a.`, `–`), numbered
 * paragraphs (`2.1`) and Roman heading numbers (`IV`). Anything else before a tab stays text.
 */
export const LABEL_SHAPE = /^(?:\p{L}{1,4}[).]|\d{1,4}|\d{1,4}(?:\.\d{1,4})+|[IVXLCDM]{1,8}|[–—-])$/u;

export function splitLines(text: string): LinesResult {
  const warnings: string[] = [];
  const lines: SourceLine[] = [];
  const physical = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < physical.length; index++) {
    const line = readLine(physical[index]!, index + 1, warnings);
    if (line) lines.push(line);
  }
  return { lines, warnings };
}

/** One source line, or null when nothing but artifacts and white space is left. */
function readLine(raw: string, no: number, warnings: string[]): SourceLine | null {
  let rest = raw;
  const bodies = new Map<string, string>();
  // Most lines have no bracket at all: skip the artifact and footnote patterns for them.
  if (rest.includes('[')) {
    rest = removeBracketed(rest, (head) => head === 'bookmark' || head === 'image');
    // `[1: text]`, a footnote's text (its number keeps it apart from `[footnoteRef:1]`), goes with
    // the white space before it.
    rest = removeBracketed(
      rest,
      (head, body) => {
        if (!/^\d+$/.test(head) || bodies.has(head)) return false;
        bodies.set(head, body);
        return true;
      },
      true,
    );
  }

  const lead = LEADING_SPACE.exec(rest)![0];
  const tabs = countTabs(lead);
  rest = rest.slice(lead.length);

  // The label is read before trailing white space goes: `a)\t` is an item with no text yet.
  let label: string | null = null;
  if (tabs === 0) {
    const match = LABEL_BEFORE_TAB.exec(rest);
    if (match && LABEL_SHAPE.test(match[1]!)) {
      label = match[1]!;
      rest = rest.slice(match[0].length);
    }
  }
  rest = rest.trimEnd();

  const runs: InlineRun[] = rest.includes('[footnoteRef:') ? anchorFootnotes(rest, bodies, no, warnings) : rest ? [rest] : [];
  // A footnote text without an anchor on its line is kept, as written, rather than lost.
  for (const [number, body] of bodies) {
    warnings.push(`line ${no}: footnote ${number} has no [footnoteRef:${number}] anchor on its line; kept as text`);
    runs.push(`${runs.length > 0 ? ' ' : ''}[${number}:${body}]`);
  }

  const plain = runs.filter((run): run is string => typeof run === 'string').join('');
  const hasFootnote = runs.some((run) => typeof run !== 'string');
  if (label === null && plain.trim() === '' && !hasFootnote) return null;
  return { no, tabs, label, runs: mergeStrings(runs), plain: plain.trim(), raw };
}

/**
 * Removes each `[head:body]` that `take(head, body)` accepts, in one left-to-right pass. Written as
 * a scan rather than a regex with `[^\]]*` (or a leading `\s*`): on a line of many `[` and no `]`
 * such a regex retries from every position, which is quadratic in the line's length.
 */
function removeBracketed(text: string, take: (head: string, body: string) => boolean, withSpaceBefore = false): string {
  let out = '';
  let from = 0;
  let open = text.indexOf('[');
  // The next `]` and `:` are remembered: each is looked for again only once the scan has passed
  // it, so the whole pass reads the line a bounded number of times.
  let close = text.indexOf(']');
  let colon = text.indexOf(':');
  while (open !== -1 && close !== -1) {
    if (close < open) close = text.indexOf(']', open);
    if (close === -1) break;
    if (colon !== -1 && colon < open) colon = text.indexOf(':', open);
    const inner = colon !== -1 && colon < close;
    if (inner && take(text.slice(open + 1, colon), text.slice(colon + 1, close))) {
      const before = text.slice(from, open);
      out += withSpaceBefore ? before.trimEnd() : before;
      from = close + 1;
      open = text.indexOf('[', from);
    } else {
      open = text.indexOf('[', open + 1);
    }
  }
  return out + text.slice(from);
}

function countTabs(lead: string): number {
  let tabs = 0;
  for (const char of lead) if (char === '\t') tabs += 1;
  return tabs;
}

/**
 * Splits `text` at its `[footnoteRef:N]` anchors; each anchor takes the text of `[N: …]` from
 * `bodies` (and removes it from there). The repeated number of the converter is dropped only
 * when both copies are present, which proves the repetition.
 */
function anchorFootnotes(text: string, bodies: Map<string, string>, no: number, warnings: string[]): InlineRun[] {
  const runs: InlineRun[] = [];
  let last = 0;
  let skipNumber = '';
  for (const match of text.matchAll(FOOTNOTE_ANCHOR)) {
    runs.push(dropPrefix(text.slice(last, match.index), skipNumber));
    const number = match[1]!;
    let body = bodies.get(number);
    bodies.delete(number);
    skipNumber = '';
    if (body === undefined) {
      warnings.push(`line ${no}: footnote anchor ${number} has no [${number}: …] text on its line`);
      body = '';
    } else {
      const after = text.slice(match.index + match[0].length);
      const repeated = new RegExp(`^\\s*${number}\\s+`);
      if (after.startsWith(number) && !/^\d/.test(after.slice(number.length)) && repeated.test(body)) {
        body = body.replace(repeated, '');
        skipNumber = number;
      }
    }
    runs.push({ footnote: body.trim() });
    last = match.index + match[0].length;
  }
  runs.push(dropPrefix(text.slice(last), skipNumber));
  return runs.filter((run) => run !== '');
}

function dropPrefix(text: string, prefix: string): string {
  return prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function mergeStrings(runs: InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  for (const run of runs) {
    const previous = out[out.length - 1];
    if (typeof run === 'string' && typeof previous === 'string') out[out.length - 1] = previous + run;
    else out.push(run);
  }
  return out;
}
