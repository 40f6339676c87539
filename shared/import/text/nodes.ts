/**
 * Building the document's nodes from source lines. Text lines carry no tracked changes; lines read
 * from Word (shared/import/docx) may: the revision of the whole paragraph and of its paragraph mark
 * travel from the line to the block built from it.
 */
import type { Node } from 'prosemirror-model';
import { inline, type InlineRun } from '../../model/index.js';
import { newId } from '../../model/index.js';
import { schema, type BlockChange } from '../../schema/index.js';
import type { SourceLine } from './lines.js';

export interface TrackedAttrs {
  change: BlockChange | null;
  paragraphMark: BlockChange | null;
  deletion: BlockChange | null;
}

/**
 * The tracked attributes of a block made of these lines (a title over several lines is one
 * block): the change of the first line, the paragraph mark of the last.
 */
export function trackedAttrs(lines: readonly SourceLine[]): TrackedAttrs {
  return {
    change: lines[0]?.change ?? null,
    paragraphMark: lines[lines.length - 1]?.paragraphMark ?? null,
    deletion: lines[0]?.deletion ?? null,
  };
}

/** A textblock with a fresh id, its content from `runs`, its tracked attributes from `lines`. */
export function textBlockNode(type: string, runs: InlineRun[], lines: readonly SourceLine[] = [], attrs: Record<string, unknown> = {}): Node {
  const tracked = trackedAttrs(lines);
  const own: Record<string, unknown> = { id: newId(), ...attrs };
  if (tracked.change) own.change = tracked.change;
  if (tracked.paragraphMark) own.paragraphMark = tracked.paragraphMark;
  if (tracked.deletion) own.deletion = tracked.deletion;
  return schema.nodes[type]!.create(own, inline(runs));
}
