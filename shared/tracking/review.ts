/**
 * The document as if every tracked change were accepted (the "final" view) or rejected (the
 * "original" view), or only some of them. Pure functions over a ProseMirror node: the writers, the
 * CLI, the views and the review commands use them, and the tracker's property tests use them as the
 * oracle.
 *
 * A tracked deletion marks everything a plain deletion of the range [from, to) would have removed:
 * its text (marks), the blocks it covers whole (`change`) and the paragraph marks it crosses
 * (`paragraphMark`). Resolving therefore removes each maximal run of losing material with ONE plain
 * delete of that run — the very replace the untracked edit made, so ProseMirror fits the structure
 * around it (which item a joined paragraph ends in, where the following items go) exactly as the
 * untracked edit did. A run ending on a paragraph mark reaches to the start of the next textblock:
 * that is a join, and the merged paragraph keeps the first block's type and attributes but takes
 * the second block's paragraph mark, the one that survives (Word's semantics). Then a second pass
 * clears the markers of the winning changes.
 */
import { Fragment, type Mark, type Node, type ResolvedPos } from 'prosemirror-model';
import { Transform, type Mapping } from 'prosemirror-transform';
import { blockChange, blockDeletion, hasChangeAttr, hasParagraphMarkAttr, isTrackMark, paragraphMark, type ChangeKind } from './attrs.js';
import { settleMoves } from './moves.js';
import { newId } from '../model/index.js';

export type Decision = 'accept' | 'reject';

/** The kind of change a decision throws away: accepting removes deletions, rejecting removes insertions. */
function losingKind(decision: Decision): ChangeKind {
  return decision === 'accept' ? 'deletion' : 'insertion';
}

/** Which changes (by id) a review resolves; the others stay as they are. */
export type ChangeFilter = (changeId: string) => boolean;

const everyChange: ChangeFilter = () => true;

/** The document with every change accepted. */
export function acceptAll(doc: Node): Node {
  return resolveChanges(doc, 'accept', everyChange);
}

/** The document with every change rejected. */
export function rejectAll(doc: Node): Node {
  return resolveChanges(doc, 'reject', everyChange);
}

/** The document with the changes chosen by `filter` accepted or rejected. */
export function resolveChanges(doc: Node, decision: Decision, filter: ChangeFilter): Node {
  return resolveWithMapping(doc, decision, filter).doc;
}

/**
 * The resolved document and the mapping from positions in `doc` to positions in it (clearing
 * markers moves nothing, so the removals' mapping is the whole story): a cursor or a selection
 * survives a switch to the final or original view, and tests can replay an edit there.
 */
export function resolveWithMapping(doc: Node, decision: Decision, filter: ChangeFilter = everyChange): { doc: Node; mapping: Mapping } {
  const tr = new Transform(doc);
  removeLosingRuns(tr, decision, filter);
  identifyFilledBlocks(tr);
  const cleared = rebuild(tr.doc, decision, filter, true);
  if (!cleared) throw new RangeError('resolving tracked changes removed the whole document');
  // Moves settle on whole documents only: in a lone node (an item resolved for copying) the
  // original of a copy is simply out of sight, not gone. Settling changes attributes, no position.
  const settled = doc.type === doc.type.schema.topNodeType ? settleMoves(cleared) : cleared;
  return { doc: settled, mapping: tr.mapping };
}

/**
 * A removal that empties a container (rejecting an inserted resolution that was the document's
 * only block) makes ProseMirror fill it with the schema's default block, which has no id yet: it
 * gets a fresh one, as every block must have (labels, references and tracking hang on ids).
 */
function identifyFilledBlocks(tr: Transform): void {
  const missing: number[] = [];
  tr.doc.descendants((node, pos) => {
    if ('id' in (node.type.spec.attrs ?? {}) && !node.attrs.id) missing.push(pos);
    return !node.isTextblock;
  });
  for (const pos of missing) tr.setNodeAttribute(pos, 'id', newId());
}

/**
 * Applies the removals of a review to a transform (the review commands share it with the pure
 * functions): every maximal run of losing material goes with one delete, last run first.
 */
function removeLosingRuns(tr: Transform, decision: Decision, filter: ChangeFilter): void {
  const runs = losingRuns(tr.doc, decision, filter);
  for (let i = runs.length - 1; i >= 0; i--) deleteRun(tr, runs[i]!, decision);
}

// --- pass 1: runs of losing material ----------------------------------------------------------

interface Unit {
  from: number;
  to: number;
  kind: 'inline' | 'block' | 'paragraphMark' | 'textStart' | 'content';
}

interface Run {
  from: number;
  to: number;
  /** Only whole blocks: deleted with deleteRange, which also takes parents it would leave empty. */
  blocksOnly: boolean;
}

function losingMark(mark: Mark, losing: ChangeKind, filter: ChangeFilter): boolean {
  return isTrackMark(mark) && mark.type.name === losing && filter(mark.attrs.id as string);
}

function isLosingBlock(node: Node, losing: ChangeKind, filter: ChangeFilter): boolean {
  const change = blockChange(node);
  if (change && change.kind === losing && filter(change.id)) return true;
  const later = blockDeletion(node);
  return later !== null && losing === 'deletion' && filter(later.id);
}

function isLosingInline(node: Node, losing: ChangeKind, filter: ChangeFilter): boolean {
  return node.marks.some((m) => losingMark(m, losing, filter)) || isLosingBlock(node, losing, filter);
}

/** The runs to delete, in document order (footnote contents form their own runs). */
function losingRuns(doc: Node, decision: Decision, filter: ChangeFilter): Run[] {
  const losing = losingKind(decision);
  const runs: Run[] = [];
  const scan = (parent: Node, contentStart: number, units: Unit[]) => {
    parent.forEach((child, offset) => {
      const pos = contentStart + offset;
      const end = pos + child.nodeSize;
      if (child.isInline) {
        if (isLosingInline(child, losing, filter)) units.push({ from: pos, to: end, kind: 'inline' });
        else {
          units.push({ from: pos, to: end, kind: 'content' });
          // A footnote's text is a scope of its own: its runs never reach outside it.
          if (child.childCount > 0) for (const entry of toRuns(scanned(child, pos + 1))) runs.push(entry);
        }
        return;
      }
      if (isLosingBlock(child, losing, filter)) {
        units.push({ from: pos, to: end, kind: 'block' });
        return;
      }
      if (child.type.spec.tableRole === 'cell') {
        // A table cell is a scope of its own, as Word's cell end mark is: a join or deletion run
        // never reaches out of a cell into the next one or past the table.
        units.push({ from: pos, to: end, kind: 'content' });
        runs.push(...toRuns(scanned(child, pos + 1)));
        return;
      }
      if (child.isTextblock) units.push({ from: pos + 1, to: pos + 1, kind: 'textStart' });
      scan(child, pos + 1, units);
      if (child.isTextblock) {
        const mark = paragraphMark(child);
        const losingMarkHere = mark !== null && mark.kind === losing && filter(mark.id);
        units.push({ from: end - 1, to: end, kind: losingMarkHere ? 'paragraphMark' : 'content' });
      }
    });
  };
  const scanned = (node: Node, contentStart: number) => {
    const units: Unit[] = [];
    scan(node, contentStart, units);
    return units;
  };
  for (const entry of toRuns(scanned(doc, 0))) runs.push(entry);
  return runs.sort((a, b) => a.from - b.from);
}

interface RunDraft {
  from: number;
  to: number;
  last: Unit['kind'];
  blocksOnly: boolean;
  /** A paragraph mark in the run is a join: the run must reach into the next textblock. */
  joining: boolean;
}

function toRuns(units: Unit[]): Run[] {
  const runs: Run[] = [];
  let current = null as RunDraft | null;
  const close = () => {
    if (!current) return;
    // A paragraph mark with no textblock after it has nothing to join: it is only cleared.
    let to = current.to;
    if (current.joining && current.last === 'paragraphMark') to -= 1;
    if (to > current.from) runs.push({ from: current.from, to, blocksOnly: current.blocksOnly });
    current = null;
  };
  for (const unit of units) {
    switch (unit.kind) {
      case 'content':
        close();
        break;
      case 'textStart':
        // A join reaches into the next textblock (over any whole blocks deleted in between).
        // Any other run ends before a textblock that stays: deleted with what follows in it (a
        // join of that textblock with the next one), the textblock would lose its type and
        // attributes to the next one, as a plain delete from a block boundary keeps the far side.
        if (current?.joining) current = { ...current, to: unit.to, last: 'textStart', joining: false };
        else close();
        break;
      default:
        if (current) {
          current = {
            ...current,
            to: unit.to,
            last: unit.kind,
            blocksOnly: current.blocksOnly && unit.kind === 'block',
            joining: current.joining || unit.kind === 'paragraphMark',
          };
        } else {
          current = {
            from: unit.from,
            to: unit.to,
            last: unit.kind,
            blocksOnly: unit.kind === 'block',
            joining: unit.kind === 'paragraphMark',
          };
        }
    }
  }
  close();
  return runs;
}

function deleteRun(tr: Transform, run: Run, decision: Decision): void {
  try {
    deleteRunOnce(tr, run, decision);
  } catch {
    // The schema refuses to fit what is left around this run (a join across a resolution and an
    // annex…): the losing material still goes in the clearing pass, only the join is not made.
  }
}

function deleteRunOnce(tr: Transform, run: Run, decision: Decision): void {
  if (run.blocksOnly) {
    // Whole blocks under different parents (the last item of a sub-list and the next item of
    // the outer list) go parent by parent, so that each list is emptied, or not, as a whole.
    for (const group of siblingGroups(tr.doc, run.from, run.to).reverse()) {
      const { from, to } = withEmptiedSubList(tr.doc, group.from, group.to);
      tr.deleteRange(from, to);
    }
    return;
  }
  const $from = tr.doc.resolve(run.from);
  const $to = tr.doc.resolve(run.to);
  const joins = $from.parent.isTextblock && $to.parent.isTextblock && !$from.sameParent($to);
  const survivingMark = joins ? ($to.parent.attrs.paragraphMark as unknown) : undefined;
  const firstPos = joins ? $from.before() : -1;
  const to = joins && decision === 'reject' ? splitUndoneTo($from, $to) : run.to;
  // Undoing such a split, the list the items go back to is the one they came from, id and all
  // (ProseMirror may rebuild it from the other side of the cut, with the id the split gave that).
  const list = to === run.to ? null : { pos: $from.before($to.depth), id: $from.node($to.depth).attrs.id as unknown };
  tr.delete(run.from, to);
  const rebuilt = list && tr.doc.nodeAt(list.pos);
  if (list && rebuilt?.type.name === 'item_list' && rebuilt.attrs.id !== list.id) tr.setNodeAttribute(list.pos, 'id', list.id);
  if (joins) {
    const merged = tr.doc.nodeAt(firstPos);
    if (merged?.isTextblock && hasParagraphMarkAttr(merged)) tr.setNodeAttribute(firstPos, 'paragraphMark', survivingMark ?? null);
  }
}

/**
 * Where rejecting an inserted paragraph mark ends its delete. Usually at the start of the next
 * textblock (`$to`). But when the mark ends an item and the next textblock, wholly removed, is a
 * new paragraph that only the author's split made, followed by a list (tracked Enter, Enter:
 * leave-list.ts: a sub-item promoted with the sub-items after it now under it, or an annex's list
 * split around a paragraph), a delete to its text would nest those items in the item before,
 * while undoing the split puts them back in the list they came from, at their own level (as
 * Word's paragraphs keep theirs when a paragraph mark goes). The delete then reaches into that
 * list, whose items the list of the item before takes.
 */
function splitUndoneTo($from: ResolvedPos, $to: ResolvedPos): number {
  if ($to.depth >= $from.depth || $to.pos !== $to.end() || $to.depth < 1) return $to.pos;
  const next = $to.node(-1).maybeChild($to.index(-1) + 1);
  if (next?.type.name !== 'item_list' || $from.node($to.depth).type.name !== 'item_list') return $to.pos;
  return $to.after() + 1;
}

/** The maximal nodes wholly inside [from, to), as runs of adjacent siblings. */
function siblingGroups(doc: Node, from: number, to: number): Array<{ from: number; to: number }> {
  const groups: Array<{ from: number; to: number }> = [];
  doc.nodesBetween(from, to, (node, pos) => {
    const end = pos + node.nodeSize;
    if (pos < from || end > to) return true;
    const last = groups[groups.length - 1];
    if (last && last.to === pos) last.to = end;
    else groups.push({ from: pos, to: end });
    return false;
  });
  return groups.length > 0 ? groups : [{ from, to }];
}

/**
 * A run that takes every item of a sub-list takes the sub-list too (as deleting the last sub-item
 * does untracked): left to ProseMirror, the list would be refilled with an empty item.
 */
function withEmptiedSubList(doc: Node, from: number, to: number): { from: number; to: number } {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  const list = $from.parent;
  const whole = $from.sameParent($to) && $from.parentOffset === 0 && $to.parentOffset === list.content.size;
  if (whole && list.type.name === 'item_list' && $from.depth >= 2 && $from.node(-1).type.name === 'item') {
    return { from: $from.before(), to: $to.after() };
  }
  return { from, to };
}

// --- pass 2: clearing the winners (and the node-level resolution used for pasted content) -------

/**
 * One node with the chosen changes resolved (null when the node itself goes), paragraph-mark joins
 * left pending: pass 1 alone. The tracker uses it to turn pasted tracked content into its final text.
 */
export function resolveNode(node: Node, decision: Decision, filter: ChangeFilter = everyChange): Node | null {
  return rebuild(node, decision, filter, false);
}

/**
 * Drops losing text and blocks, clears the markers of the winning ones. With `joinsDone` (after
 * the runs are deleted) a losing paragraph mark still present had nothing to join and is cleared.
 */
function rebuild(node: Node, decision: Decision, filter: ChangeFilter, joinsDone: boolean): Node | null {
  const losing = losingKind(decision);
  if (node.isText) return resolveInlineMarks(node, losing, filter);

  const change = blockChange(node);
  const chosen = change !== null && filter(change.id);
  if (chosen && change.kind === losing) return null;
  const laterDeletion = blockDeletion(node);
  const deletionChosen = laterDeletion !== null && filter(laterDeletion.id);
  if (deletionChosen && losing === 'deletion') return null;
  if (node.isInline && node.marks.some((m) => isTrackMark(m) && filter(m.attrs.id as string) && m.type.name === losing)) {
    return null;
  }

  const children: Node[] = [];
  let changed = false;
  node.forEach((child) => {
    const next = rebuild(child, decision, filter, joinsDone);
    if (next !== child) changed = true;
    if (next) children.push(next);
  });

  const attrs = { ...node.attrs };
  if (chosen && hasChangeAttr(node)) {
    attrs.change = null;
    changed = true;
  }
  if (deletionChosen) {
    attrs.deletion = null;
    changed = true;
  } else if (laterDeletion && attrs.change === null) {
    // The insertion it stood beside is accepted: what is left is an ordinary block deletion.
    attrs.change = laterDeletion;
    attrs.deletion = null;
  }
  const mark = paragraphMark(node);
  // A winning paragraph mark simply stays as an ordinary one.
  if (mark && filter(mark.id) && (mark.kind !== losing || joinsDone) && hasParagraphMarkAttr(node)) {
    attrs.paragraphMark = null;
    changed = true;
  }
  const marks = node.isInline ? clearedMarks(node, filter) : node.marks;
  if (marks !== node.marks) changed = true;
  if (!changed) return node;

  const content = Fragment.fromArray(children);
  if (node.type.validContent(content)) return node.type.create(attrs, content, marks);
  return repairContainer(node, attrs, content);
}

function resolveInlineMarks(text: Node, losing: ChangeKind, filter: ChangeFilter): Node | null {
  if (text.marks.some((m) => isTrackMark(m) && m.type.name === losing && filter(m.attrs.id as string))) return null;
  const marks = clearedMarks(text, filter);
  return marks === text.marks ? text : text.mark(marks);
}

/** The node's marks without the tracked marks the filter resolves (the losing ones are gone already). */
function clearedMarks(node: Node, filter: ChangeFilter): readonly Mark[] {
  if (!node.marks.some((m) => isTrackMark(m) && filter(m.attrs.id as string))) return node.marks;
  return node.marks.filter((m) => !(isTrackMark(m) && filter(m.attrs.id as string)));
}

/**
 * A container whose children were removed may no longer match its content expression. Lists and
 * sections that lost all their items go with them — the change that created them must not leave an
 * empty item or an empty section behind. Anything else gets its missing required children filled
 * with empty ones (only reachable from a document the tracker did not write).
 */
function repairContainer(node: Node, attrs: Record<string, unknown>, content: Fragment): Node | null {
  const name = node.type.name;
  if (name === 'item_list' && content.childCount === 0) return null;
  if (name === 'section' && !hasChild(content, 'item_list')) return null;
  if (name === 'item' && !hasChild(content, 'item_text')) return null;
  if (name === 'annex' && !hasChild(content, 'annex_heading')) return null;
  // A table whose rows were all inserted (rejected) or deleted (accepted) goes with them.
  if ((name === 'table' || name === 'table_row') && content.childCount === 0) return null;
  return node.type.createAndFill(attrs, content);
}

function hasChild(content: Fragment, typeName: string): boolean {
  let found = false;
  content.forEach((child) => {
    if (child.type.name === typeName) found = true;
  });
  return found;
}

// --- joining two textblocks (used by the tracker to undo a pending split for real) ----------------

export interface Located {
  node: Node;
  pos: number;
}

/**
 * Appends `next`'s content to `first`, Word-style: the merged paragraph keeps the first block's type,
 * attributes and position, and takes the second block's paragraph mark (the mark that survives).
 * What followed `next` inside its own container moves after the merged paragraph wherever the
 * schema allows it — ProseMirror's replace fitting, as a Backspace join in the editor.
 */
export function joinTextblocks(tr: Transform, first: Located, next: Located): void {
  const survivingMark = next.node.attrs.paragraphMark as unknown;
  tr.delete(first.pos + first.node.nodeSize - 1, next.pos + 1);
  const merged = tr.doc.nodeAt(first.pos);
  if (!merged || merged.type !== first.node.type) {
    throw new RangeError(`could not join ${first.node.type.name} with the following ${next.node.type.name}`);
  }
  tr.setNodeAttribute(first.pos, 'paragraphMark', survivingMark ?? null);
}
