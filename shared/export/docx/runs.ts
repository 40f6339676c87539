/**
 * Inline content of a textblock as Word runs: text with its formatting, tracked insertions and
 * deletions as `w:ins` / `w:del`, and footnotes as real Word footnotes (Word numbers them).
 */
import {
  DeletedTextRun,
  FootnoteReference,
  FootnoteReferenceRun,
  InsertedTextRun,
  Tab,
  TextRun,
  XmlAttributeComponent,
  XmlComponent,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Node } from 'prosemirror-model';
import { trackedReferenceText, wordChange } from '../../numbering/index.js';
import { replacedReference } from '../../tracking/index.js';
import type { LanguageCode } from '../../languages/index.js';
import { paragraph, runFormat, type ExportContext } from './context.js';
import { scriptSegments, scriptSegmentsOfPieces, type ScriptSegment } from '../../languages/index.js';
import { proposalReferenceText } from '../../proposals/index.js';
import {
  blockRevisionsOf,
  isRevised,
  markRevisionsOf,
  UNREVISED,
  within,
  wordRevision,
  type Attribution,
  type Revisions,
  type WordRevision,
} from './revisions.js';

type RunContent = NonNullable<IRunOptions['children']>[number];

/** Text with its tabs as Word tab elements (a `\t` inside `w:t` is not a tab to Word). */
export function textContent(text: string): RunContent[] {
  const out: RunContent[] = [];
  text.split('\t').forEach((part, index) => {
    if (index > 0) out.push(new Tab());
    if (part) out.push(part);
  });
  return out;
}

/** `w:id` / `w:author` / `w:date` of a revision element. */
class RevisionAttributes extends XmlAttributeComponent<{ id: number; author: string; date?: string }> {
  protected override readonly xmlKeys = { id: 'w:id', author: 'w:author', date: 'w:date' };
}

/**
 * A `w:ins` around a deleted run: content one author inserted and another then deleted. `docx`
 * has no class for it; the schema allows `w:del` inside `w:ins` and Word writes it that way.
 */
class InsertionOfDeletion extends XmlComponent {
  constructor(insertion: WordRevision, deleted: DeletedTextRun) {
    super('w:ins');
    this.root.push(new RevisionAttributes(insertion), deleted);
  }
}

/** One run, inside `w:ins` / `w:del` (or both) when revisions cover it. */
export function run(ctx: ExportContext, children: RunContent[], format: IRunOptions, revisions: Revisions): ParagraphChild {
  const options = { ...format, children };
  const { inserted, deleted } = revisions;
  if (!inserted && !deleted) return new TextRun(options);
  if (!deleted) return new InsertedTextRun({ ...options, ...wordRevision(inserted!, ctx.ids) });
  // The outer w:ins takes its id first, as Word numbers them in reading order.
  const insertion = inserted ? wordRevision(inserted, ctx.ids) : null;
  const deletedRun = new DeletedTextRun({ ...options, ...wordRevision(deleted, ctx.ids) });
  // InsertionOfDeletion is a run-level element like InsertedTextRun; ParagraphChild lists only docx's own classes.
  return insertion ? (new InsertionOfDeletion(insertion, deletedRun) as unknown as ParagraphChild) : deletedRun;
}

/** `format` with the direction of one segment of text: `w:rtl` on right-to-left text only. */
function inDirection(format: IRunOptions, rightToLeft: boolean): IRunOptions {
  const { rightToLeft: _ignored, ...rest } = format;
  return rightToLeft ? { ...rest, rightToLeft: true } : rest;
}

/**
 * Text as runs of one writing direction each (scripts.ts): Arabic letters in right-to-left runs,
 * Latin letters in left-to-right ones, whatever the document's direction.
 */
export function textRuns(
  ctx: ExportContext,
  text: string,
  format: IRunOptions,
  revisions: Revisions,
  segments: ScriptSegment[] = scriptSegments(text, ctx.rightToLeft),
): ParagraphChild[] {
  return segments.map((segment) => run(ctx, textContent(segment.text), inDirection(format, segment.rightToLeft), revisions));
}

/**
 * The runs of a textblock (or of a footnote's content). `blockRevisions` are those of the whole
 * block(s) around this text: they win over the text's own marks, which only fill in what they
 * leave open (a word deleted inside an inserted item is inserted AND deleted).
 */
export function inlineRuns(ctx: ExportContext, block: Node, blockRevisions: Revisions): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  // Directions are decided on the whole line: a `)` in a text node of its own closes its Latin run.
  const pieces: string[] = [];
  block.forEach((child) => pieces.push(child.isText ? (child.text ?? '') : '\uFFFC'));
  const segmentsOfPieces = scriptSegmentsOfPieces(pieces, ctx.rightToLeft);
  for (let index = 0; index < block.childCount; index++) {
    const child = block.child(index);
    // Inside a revised block both references are in the block's revision, whole: no pair to show.
    const replaced = isRevised(blockRevisions) ? null : replacedReference(block, index);
    if (replaced) {
      out.push(...replacedReferenceRuns(ctx, replaced.deleted, replaced.inserted));
      index++;
    } else if (child.isText) {
      const revisions = within(blockRevisions, markRevisionsOf(child.marks));
      out.push(...textRuns(ctx, child.text ?? '', runFormat(ctx, child.marks), revisions, segmentsOfPieces[index]));
    } else if (child.type.name === 'footnote') {
      const own = within(blockRevisionsOf(child), markRevisionsOf(child.marks));
      out.push(footnoteReference(ctx, child, within(blockRevisions, own)));
    } else if (child.type.name === 'cross_reference') {
      out.push(...crossReference(ctx, child, within(blockRevisions, markRevisionsOf(child.marks))));
    } else if (child.type.name === 'proposal_reference') {
      const text = proposalReferenceText(ctx.doc, child);
      out.push(...textRuns(ctx, text, runFormat(ctx, child.marks), within(blockRevisions, markRevisionsOf(child.marks))));
    }
  }
  return out;
}

/**
 * A cross-reference is text rendered from the labels (`point 5 du décide`): when the two
 * numberings word it differently, only what changed is revised — `point <w:del>5</w:del><w:ins>6</w:ins>
 * du décide`, as a Word user revises a label by hand and as the text writer marks it — credited to
 * the change that renumbered its target. The importer (shared/import/docx/references.ts) reads
 * that form back as the live reference.
 */
function crossReference(ctx: ExportContext, node: Node, revisions: Revisions): ParagraphChild[] {
  const format = runFormat(ctx, node.marks);
  const rendered = trackedReferenceText(node, ctx.doc, ctx.language.code as LanguageCode);
  if (isRevised(revisions)) {
    const text = revisions.inserted && !revisions.deleted ? rendered.new.text : rendered.original.text;
    return textRuns(ctx, text, format, revisions);
  }
  if (!rendered.changed) return textRuns(ctx, rendered.new.text, format, UNREVISED);
  const target = rendered.new.target ?? rendered.original.target;
  const credit = (target ? ctx.labelAttribution.get(target) : undefined) ?? ctx.fallbackAttribution;
  return labelRevisionRuns(ctx, format, rendered.original.text, rendered.new.text, credit, credit);
}

/**
 * A reference deleted and one inserted in its place by the same author (a comparison found the
 * phrase names another item): one phrase whose label changed, written like a renumbered one.
 */
function replacedReferenceRuns(ctx: ExportContext, deleted: Node, inserted: Node): ParagraphChild[] {
  const language = ctx.language.code as LanguageCode;
  const before = trackedReferenceText(deleted, ctx.doc, language).original.text;
  const after = trackedReferenceText(inserted, ctx.doc, language).new.text;
  const deletion = markRevisionsOf(deleted.marks).deleted!;
  const insertion = markRevisionsOf(inserted.marks).inserted!;
  return labelRevisionRuns(ctx, runFormat(ctx, inserted.marks), before, after, deletion, insertion);
}

/** The words two readings of a reference share as plain runs, what differs as a deletion and an insertion. */
function labelRevisionRuns(
  ctx: ExportContext,
  format: IRunOptions,
  original: string,
  renewed: string,
  deletion: Attribution,
  insertion: Attribution,
): ParagraphChild[] {
  const change = wordChange(original, renewed);
  return [
    ...textRuns(ctx, change.before, format, UNREVISED),
    ...textRuns(ctx, change.deleted, format, { inserted: null, deleted: { ...deletion, kind: 'deletion' } }),
    ...textRuns(ctx, change.inserted, format, { inserted: { ...insertion, kind: 'insertion' }, deleted: null }),
    ...textRuns(ctx, change.after, format, UNREVISED),
  ];
}

/**
 * A footnote: its content goes to the footnotes part and its anchor becomes a reference run.
 * An inserted or deleted footnote has its reference and all its text in the revision, so that
 * accepting or rejecting in Word removes the note together with its anchor.
 */
function footnoteReference(ctx: ExportContext, footnote: Node, revisions: Revisions): ParagraphChild {
  const content = paragraph(ctx, { style: 'FootnoteText', children: inlineRuns(ctx, footnote, revisions) });
  const id = ctx.footnotes.add([content]);
  if (!revisions.inserted && !revisions.deleted) return new FootnoteReferenceRun(id);
  return run(ctx, [new FootnoteReference(id)], { ...runFormat(ctx), style: 'FootnoteReference' }, revisions);
}
