/**
 * Rebuilding nested lists from labelled lines. The parser keeps a stack of open lists, each
 * knowing its style and the label it expects next:
 * - a label continues the innermost open list that expects it;
 * - otherwise the first label of a style (`a)`, `1`, `i)`, `a.`, `–`) opens a sub-list under the
 *   current item;
 * - `i)` can be the 9th alpha item or the 1st roman one: continuing the enclosing list wins, except
 *   when the current item's last paragraph ends with `:` — then the sub-list wins;
 * - a continuation written with n tabs belongs to the innermost open item at depth ≤ n, and closes
 *   the lists below that item.
 * Res 1332 considérant g) exercises every rule at once (see the tests).
 */
import type { Node } from 'prosemirror-model';
import { newId } from '../../model/index.js';
import { schema, type ListStyle } from '../../schema/index.js';
import { opensList, type LabelReading } from './labels.js';
import type { SourceLine } from './lines.js';
import { textBlockNode, trackedAttrs } from './nodes.js';

interface OpenItem {
  line: SourceLine;
  children: Array<{ continuation: SourceLine; indent: number } | { list: OpenList }>;
  /** Text of the item's last paragraph (its own text or its last continuation). */
  lastText: string;
}

interface OpenList {
  style: ListStyle;
  /** 1 for the outermost list; an item's depth is its list's depth. */
  depth: number;
  items: OpenItem[];
  /** How many items count in each numbering, kept as items are added (not recounted per line). */
  counted: { new: number; original: number };
}

/**
 * Deeper than any resolution nests its items (four levels is already rare). A text whose labels
 * would open lists below this (every line `a)`, a hostile staircase) gets its further items as
 * siblings at this depth, so the building below never recurses deeper than this.
 */
export const MAX_LIST_DEPTH = 12;

export interface ListProblem {
  line: SourceLine;
  message: string;
}

export class ListBuilder {
  private root: OpenList | null = null;
  /** Open lists, outermost first. Every open list has at least one item. */
  private stack: OpenList[] = [];
  readonly problems: ListProblem[] = [];

  /**
   * @param endsWithColon whether a paragraph announces a sub-list (`…le Conseil a également été prié:`)
   */
  constructor(
    private readonly defaultStyle: ListStyle,
    private readonly endsWithColon: (text: string) => boolean,
  ) {}

  get isEmpty(): boolean {
    return this.root === null;
  }

  private get currentItem(): OpenItem | null {
    const list = this.stack[this.stack.length - 1];
    return list ? list.items[list.items.length - 1]! : null;
  }

  /**
   * The innermost open list that expects this reading next, if any (its index in the stack).
   * Lines read from Word may be tracked: a deleted item shows its label in the original
   * numbering, every other item in the new one, so each is matched against the count of its view.
   * An item inserted and deleted again counts in neither: any label of the list's style fits.
   */
  private expecting(reading: LabelReading, line?: SourceLine): number {
    const view = line ? viewOf(line) : 'new';
    for (let index = this.stack.length - 1; index >= 0; index--) {
      const list = this.stack[index]!;
      if (list.style !== reading.style) continue;
      if (reading.style === 'dash' || view === 'none') return index;
      const numbering = view === 'original' ? 'original' : 'new';
      if (reading.value === list.counted[numbering] + 1) return index;
    }
    return -1;
  }

  /**
   * Whether a labelled line with these readings belongs to this list: an open list expects it,
   * or the current item announces a sub-list (`…:`) that the label can open. Outside sections
   * this decides between an item and a heading (`1\tIntroduction`).
   */
  takes(readings: readonly LabelReading[]): boolean {
    const current = this.currentItem;
    if (current && this.endsWithColon(current.lastText) && readings.some(opensList)) return true;
    return readings.some((reading) => this.expecting(reading) >= 0);
  }

  addLabelled(line: SourceLine, readings: readonly LabelReading[]): void {
    const item = newItem(line);
    const current = this.currentItem;
    const opener = readings.find(opensList);
    if (!current) {
      const reading = opener ?? readings[0]!;
      if (!opener) this.problem(line, `label ${line.label} does not start a list; numbered from its position`);
      this.root = listOf(reading.style, 1, item);
      this.stack = [this.root];
      return;
    }
    if (opener && this.endsWithColon(current.lastText)) {
      this.openUnder(current, opener.style, item);
      return;
    }
    for (const reading of readings) {
      const index = this.expecting(reading, line);
      if (index >= 0) {
        this.closeBelow(index);
        addItem(this.stack[index]!, item);
        return;
      }
    }
    if (opener) {
      const sibling = this.repeatedIn(opener, line);
      if (sibling >= 0) {
        // Every item `a)`, or every item `1`: Word's automatic numbering lost in a copy. A list
        // never nests in a list of its own style, so a repeated first label at the same
        // indentation is the next item, not a sub-list (which would make a staircase).
        this.problem(line, `label ${line.label} repeats an earlier label of its list; numbered from its position`);
        this.closeBelow(sibling);
        addItem(this.stack[sibling]!, item);
        return;
      }
      this.openUnder(current, opener.style, item);
      return;
    }
    // A label out of sequence (a skipped or repeated letter): kept as the next item of the
    // innermost list of its style, since labels are computed from position anyway.
    this.problem(line, `label ${line.label} is out of sequence; numbered from its position`);
    for (let index = this.stack.length - 1; index >= 0; index--) {
      if (readings.some((reading) => reading.style === this.stack[index]!.style)) {
        this.closeBelow(index);
        addItem(this.stack[index]!, item);
        return;
      }
    }
    this.openUnder(current, readings[0]!.style, item);
  }

  /**
   * Whether every item so far is deleted: in the new text the section has no item yet, so an
   * inserted unlabelled paragraph is its one new item (C26/93 replaces a section's items so), not a
   * continuation of the last deleted one.
   */
  get isEmptyInNewText(): boolean {
    return this.root !== null && this.root.items.every((item) => viewOf(item.line) === 'original' || viewOf(item.line) === 'none');
  }

  /**
   * The open list whose label this line repeats (a list of the reading's style whose items stand
   * at the line's indentation), innermost first; -1 when there is none.
   */
  private repeatedIn(reading: LabelReading, line: SourceLine): number {
    for (let index = this.stack.length - 1; index >= 0; index--) {
      const list = this.stack[index]!;
      if (list.style === reading.style && list.items[0]!.line.tabs === line.tabs) return index;
    }
    return -1;
  }

  /** The one unlabelled item of a section (`notant` / `que le Secrétaire général…`). */
  addUnlabelled(line: SourceLine): void {
    const item = newItem(line);
    if (!this.root) {
      this.root = listOf(this.defaultStyle, 1, item);
      this.stack = [this.root];
      return;
    }
    this.stack = [this.root];
    addItem(this.root, item);
  }

  /** An unlabelled paragraph inside an item; `line.tabs` is its indent. */
  addContinuation(line: SourceLine): void {
    const indent = line.tabs;
    let index = this.stack.length - 1;
    if (indent > 0) {
      while (index > 0 && this.stack[index]!.depth > indent) index -= 1;
    }
    this.closeBelow(index);
    const list = this.stack[index]!;
    const item = list.items[list.items.length - 1]!;
    item.children.push({ continuation: line, indent });
    item.lastText = line.plain;
  }

  private openUnder(parent: OpenItem, style: ListStyle, item: OpenItem): void {
    if (this.stack.length >= MAX_LIST_DEPTH) {
      this.problem(item.line, `label ${item.line.label} would nest items more than ${MAX_LIST_DEPTH} levels deep; kept at that level`);
      addItem(this.stack[this.stack.length - 1]!, item);
      return;
    }
    const list = listOf(style, this.stack.length + 1, item);
    parent.children.push({ list });
    this.stack.push(list);
  }

  private closeBelow(index: number): void {
    this.stack.length = index + 1;
  }

  private problem(line: SourceLine, message: string): void {
    this.problems.push({ line, message });
  }

  build(): Node {
    if (!this.root) throw new RangeError('ListBuilder.build on an empty list');
    return buildList(this.root);
  }
}

/**
 * The numbering a line's label was written in: 'both' for an untracked line (it counts in both),
 * 'original' for a deleted one, 'new' for an inserted one, 'none' for one inserted and deleted again.
 */
function viewOf(line: SourceLine): 'both' | 'new' | 'original' | 'none' {
  if (line.deletion) return 'none';
  if (line.change?.kind === 'deletion') return 'original';
  if (line.change?.kind === 'insertion') return 'new';
  return 'both';
}

function listOf(style: ListStyle, depth: number, first: OpenItem): OpenList {
  const list: OpenList = { style, depth, items: [], counted: { new: 0, original: 0 } };
  addItem(list, first);
  return list;
}

function addItem(list: OpenList, item: OpenItem): void {
  list.items.push(item);
  const view = viewOf(item.line);
  if (view === 'both' || view === 'new') list.counted.new += 1;
  if (view === 'both' || view === 'original') list.counted.original += 1;
}

function newItem(line: SourceLine): OpenItem {
  return { line, children: [], lastText: line.plain };
}

function buildList(list: OpenList): Node {
  return schema.nodes.item_list!.create({ id: newId(), style: list.style }, list.items.map(buildItem));
}

/** A whole inserted or deleted item paragraph is an inserted or deleted item (labels count items). */
function buildItem(item: OpenItem): Node {
  const { change, paragraphMark, deletion } = trackedAttrs([item.line]);
  const children = [textBlockNode('item_text', item.line.runs, [{ ...item.line, change: null, deletion: null, paragraphMark }])];
  for (const child of item.children) {
    if ('list' in child) children.push(buildList(child.list));
    else children.push(textBlockNode('continuation', child.continuation.runs, [child.continuation], { indent: child.indent }));
  }
  return schema.nodes.item!.create({ id: newId(), ...(change ? { change } : {}), ...(deletion ? { deletion } : {}) }, children);
}
