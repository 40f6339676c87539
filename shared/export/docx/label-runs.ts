/**
 * Labels are typed text followed by a tab in ITU documents, never Word auto-numbering, so a label
 * that tracked changes renumber is itself a revision: the old label deleted, the new one inserted
 * (`[-f-][+g+])` in C26/93). Labels come from computeLabels in both views; none is stored.
 */
import { Tab, TextRun, type ParagraphChild } from 'docx';
import { runFormat, type ExportContext } from './context.js';
import { run } from './runs.js';
import { isRevised, UNREVISED, type Revisions } from './revisions.js';

export type LabelKind = 'items' | 'headings' | 'numberedParagraphs';

function labelIn(ctx: ExportContext, kind: LabelKind, view: keyof ExportContext['labels'], id: string): string {
  return ctx.labels[view][kind].get(id) ?? '';
}

/** The numbering a block's label is taken from, given the whole block's revisions. */
function viewFor(revisions: Revisions): keyof ExportContext['labels'] {
  if (!revisions.inserted) return 'original';
  return revisions.deleted ? 'withPending' : 'new';
}

/** Whether a block is written with a label (it then gets a labelled paragraph style). */
export function hasLabel(ctx: ExportContext, kind: LabelKind, id: string, blockRevisions: Revisions): boolean {
  if (isRevised(blockRevisions)) return labelIn(ctx, kind, viewFor(blockRevisions), id) !== '';
  return labelIn(ctx, kind, 'original', id) !== '' || labelIn(ctx, kind, 'new', id) !== '';
}

/**
 * The label and its tab, as runs. `blockRevisions` are those of the whole block: an inserted
 * item's label is inserted with it, a deleted item keeps its old label, deleted.
 */
export function labelRuns(ctx: ExportContext, kind: LabelKind, id: string, blockRevisions: Revisions): ParagraphChild[] {
  const format = runFormat(ctx);
  if (isRevised(blockRevisions)) {
    const label = labelIn(ctx, kind, viewFor(blockRevisions), id);
    return label ? [run(ctx, [label, new Tab()], format, blockRevisions)] : [];
  }
  const before = labelIn(ctx, kind, 'original', id);
  const after = labelIn(ctx, kind, 'new', id);
  if (before === after) return before ? [new TextRun({ ...format, children: [before, new Tab()] })] : [];
  const credit = ctx.labelAttribution.get(id) ?? ctx.fallbackAttribution;
  const deletion: Revisions = { ...UNREVISED, deleted: { ...credit, kind: 'deletion' } };
  const insertion: Revisions = { ...UNREVISED, inserted: { ...credit, kind: 'insertion' } };
  if (before && after) {
    return [run(ctx, [before], format, deletion), run(ctx, [after], format, insertion), new TextRun({ ...format, children: [new Tab()] })];
  }
  // A label that appears or disappears (a section's single item gaining or losing siblings) takes its tab along.
  if (before) return [run(ctx, [before, new Tab()], format, deletion)];
  return [run(ctx, [after, new Tab()], format, insertion)];
}
