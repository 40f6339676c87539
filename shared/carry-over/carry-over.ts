/**
 * Carry-over: a contribution's proposed changes, made in one language version, applied to the
 * text in force of another language version as tracked changes — what a translator does by hand in
 * Word with two windows.
 *
 * 1. The source's original text (every change rejected) is aligned with the target (shared/align):
 *    each source block knows its counterpart in the target language.
 * 2. The target as it should read once the proposal is accepted is built from the source's final
 *    text (every change accepted), block by block: a block with a counterpart is the target's own
 *    block, in the target language (moved, promoted or demoted wherever the source put it); a block
 *    new in the source comes in with the source's text, to translate; a fixed line (a section
 *    keyword, the call) or a cover field the language tables know comes in translated.
 * 3. The difference from the target in force to that text is tracked, block by block, like the
 *    comparison of two versions (shared/tracking trackDifference): items deleted, inserted and
 *    moved, with the target's ids kept, so labels and live references follow by themselves and
 *    rejecting every change gives the target in force back exactly.
 * 4. Each unit gets its translation status (shared/translation/status.ts): to translate (new),
 *    changed in source (the source changed its text: the change to translate is kept beside it),
 *    translated (unchanged).
 */
import { Fragment, type Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { alignVersions, type Disagreement } from '../align/index.js';
import { UserFacingError } from '../errors/index.js';
import { isLanguageCode, type LanguageCode } from '../languages/index.js';
import { newId } from '../model/index.js';
import { schema, type CoverFieldName } from '../schema/index.js';
import { acceptAll, rejectAll, TrackContext, trackDifference, uniqueIdsIn } from '../tracking/index.js';
import {
  blocksById,
  isFixedLine,
  isTranslationUnit,
  ownSignature,
  ownText,
  translateLine,
  translationCounts,
  type TranslationState,
  type TranslationStatus,
} from '../translation/index.js';
import { translateCoverField } from './cover.js';

export class CarryOverError extends UserFacingError {
  override name = 'CarryOverError';
}

/** The author of the carried changes when no name is given. */
export const CARRY_OVER_AUTHOR = 'Carry-over';

export interface CarryOverOptions {
  author?: string;
  /** ISO date the changes carry; now by default. */
  date?: string;
}

export interface CarryOverReport {
  counts: Record<TranslationStatus, number>;
  /** Fixed lines and cover fields the tables could not translate. */
  untranslated: string[];
  /** Where the source's original text and the target in force disagree (shared/align). */
  disagreements: Disagreement[];
}

export interface CarryOverResult {
  doc: Node;
  report: CarryOverReport;
}

/** Source blocks by id as the source shows them: a moved block by its copy where it went. */
function markedById(source: Node): Map<string, Node> {
  const map = blocksById(source);
  source.descendants((node) => {
    const movedFrom = node.attrs.movedFrom as string | null | undefined;
    if (movedFrom) map.set(movedFrom, node);
    return true;
  });
  return map;
}

function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  node.forEach((child) => out.push(child));
  return out;
}

class Builder {
  readonly states = new Map<string, TranslationState>();
  readonly untranslated: string[] = [];
  private readonly original: Map<string, Node>;
  private readonly marked: Map<string, Node>;
  private readonly target: Map<string, Node>;
  /** Target blocks some source block stands for (the others are the target's own: kept). */
  private readonly claimed: Set<string>;
  /** Source ids of new blocks that a target id already uses, renamed. */
  private readonly renamed = new Map<string, string>();

  constructor(
    private readonly source: Node,
    private readonly final: Node,
    original: Node,
    private readonly inForce: Node,
    private readonly counterparts: ReadonlyMap<string, string>,
    private readonly from: LanguageCode,
    private readonly to: LanguageCode,
  ) {
    this.original = blocksById(original);
    this.marked = markedById(source);
    this.target = blocksById(inForce);
    this.claimed = new Set(counterparts.values());
  }

  /** The target as it reads once the proposal is accepted. */
  build(): Node {
    const content = this.children(this.final, this.inForce, null);
    return schema.topNodeType.create({ ...this.inForce.attrs, trackingScope: this.final.attrs.trackingScope }, content);
  }

  private counterpart(node: Node): Node | null {
    const id = node.attrs.id as string | null;
    const targetId = id ? this.counterparts.get(id) : undefined;
    const found = targetId ? this.target.get(targetId) : undefined;
    return found && found.type === node.type ? found : null;
  }

  /** The built children of `sourceParent`, with the target's own blocks of `targetParent` kept in place. */
  private children(sourceParent: Node, targetParent: Node | null, owner: string | null): Node[] {
    const built: Array<{ node: Node; from: string | null }> = [];
    sourceParent.forEach((child) => {
      if (child.isInline) return;
      const counterpart = this.counterpart(child);
      built.push({ node: this.block(child, counterpart, owner), from: (counterpart?.attrs.id as string | undefined) ?? null });
    });
    if (targetParent) this.keepTargetOwn(targetParent, built);
    return built.map(({ node }) => node);
  }

  /** Target blocks no source block stands for (the target's own, not in the source): kept after their predecessor. */
  private keepTargetOwn(targetParent: Node, built: Array<{ node: Node; from: string | null }>): void {
    let after = -1;
    targetParent.forEach((child) => {
      if (child.isInline) return;
      const id = child.attrs.id as string;
      const at = built.findIndex((entry) => entry.from === id);
      if (at >= 0) {
        after = at;
        return;
      }
      if (this.claimed.has(id)) return;
      built.splice(after + 1, 0, { node: child, from: id });
      after += 1;
    });
  }

  private block(node: Node, counterpart: Node | null, owner: string | null): Node {
    const unitOwner = node.type.name === 'item' || (node.isTextblock && owner === null) ? null : owner;
    if (counterpart) {
      const id = counterpart.attrs.id as string;
      this.judge(node, counterpart, unitOwner);
      if (counterpart.isTextblock) return counterpart;
      return counterpart.type.create(
        counterpart.attrs,
        this.children(node, counterpart, node.type.name === 'item' ? id : owner),
        counterpart.marks,
      );
    }
    return this.fromSource(node, owner);
  }

  /** A unit with a counterpart: translated, or changed in source when the source changed its own text. */
  private judge(node: Node, counterpart: Node, owner: string | null): void {
    if (owner !== null || !(node.type.name === 'item' || node.isTextblock)) return;
    const id = node.attrs.id as string;
    const before = this.original.get(id);
    const changed = !before || ownSignature(before) !== ownSignature(node);
    // Always as the source shows it, marks and all: what a refresh compares with (versions.ts).
    const shown = this.marked.get(id) ?? node;
    this.states.set(counterpart.attrs.id as string, {
      status: changed ? 'changed-in-source' : 'translated',
      sourceId: id,
      source: ownText(shown, this.source, true),
    });
  }

  /** A block new in the source (or without counterpart): the source's, translated where the tables can. */
  private fromSource(node: Node, owner: string | null): Node {
    const id = this.idFor(node);
    const attrs = { ...node.attrs, ...(id ? { id } : {}), change: null, deletion: null, movedFrom: null, translation: null };
    if ('paragraphMark' in attrs) attrs.paragraphMark = null;
    if (!node.isTextblock) {
      const unit = node.type.name === 'item';
      if (unit && id) this.states.set(id, { status: 'to-translate', sourceId: node.attrs.id as string, source: this.sourceText(node) });
      return node.type.create(attrs, this.children(node, null, unit ? id : owner), node.marks);
    }
    const translated = this.translatedLine(node);
    const content = translated === null ? this.retargeted(node.content) : Fragment.from(schema.text(translated.text));
    if (owner === null && id && (translated === null || translated.toTranslate)) {
      this.states.set(id, { status: 'to-translate', sourceId: node.attrs.id as string, source: this.sourceText(node) });
    }
    return node.type.create(attrs, content, node.marks);
  }

  /** A source unit's text as the source shows it, its tracked changes marked. */
  private sourceText(node: Node): string {
    return ownText(this.marked.get(node.attrs.id as string) ?? node, this.source, true);
  }

  /** A fixed line or cover field in the target language, as far as the tables go; null for prose. */
  private translatedLine(node: Node): { text: string; toTranslate: boolean } | null {
    const type = node.type.name;
    const text = node.textContent;
    if (type === 'cover_field') {
      const field = translateCoverField(node.attrs.name as CoverFieldName, text, this.from, this.to);
      return field.toTranslate ? null : field;
    }
    if (!isFixedLine(type) || text.trim() === '') return null;
    const line = translateLine(type, text, this.from, this.to);
    if (line.untranslated) this.untranslated.push(`${text.trim()}: «${line.untranslated}» is not in the tables`);
    return { text: line.text, toTranslate: line.untranslated !== null };
  }

  /** A new block's id: the source's, unless the target already uses it. */
  private idFor(node: Node): string | null {
    const id = node.attrs.id as string | null | undefined;
    if (!id) return null;
    if (!this.target.has(id)) return id;
    let renamed = this.renamed.get(id);
    if (!renamed) this.renamed.set(id, (renamed = newId()));
    return renamed;
  }

  /** Source text whose references point at the target's counterparts of their targets. */
  private retargeted(content: Fragment): Fragment {
    const nodes: Node[] = [];
    content.forEach((child) => {
      if (child.type.name === 'cross_reference') {
        const target = child.attrs.target as string | null;
        const mapped = target ? (this.counterparts.get(target) ?? this.renamed.get(target) ?? target) : target;
        nodes.push(child.type.create({ ...child.attrs, target: mapped }, null, child.marks));
      } else nodes.push(child);
    });
    return Fragment.fromArray(nodes);
  }
}

/**
 * The text as the tracked changes start from: the built text with every resolution the target had
 * put back as it is in force — the cover and body carried over from a contribution are the
 * translator's new text, not proposed changes (a contribution tracks its resolution only).
 */
function baseOf(built: Node, inForce: Map<string, Node>): Node {
  const rewrite = (node: Node): Node => {
    const original = node.type.name === 'resolution' ? inForce.get(node.attrs.id as string) : undefined;
    if (original) return original;
    if (node.isTextblock || node.isLeaf) return node;
    return node.copy(Fragment.fromArray(childrenOf(node).map(rewrite)));
  };
  return rewrite(built);
}

function languageOf(doc: Node, which: string): LanguageCode {
  const code = doc.attrs.language as unknown;
  if (!isLanguageCode(code)) throw new CarryOverError(`the ${which}'s language "${String(code)}" is not one of ar, zh, en, fr, ru, es`);
  return code;
}

/** Sets each unit's status by id. */
function applyStates(doc: Node, states: ReadonlyMap<string, TranslationState>): Node {
  const tr = EditorState.create({ doc }).tr;
  doc.descendants((node, pos, parent) => {
    if (!isTranslationUnit(node, parent)) return true;
    const state = states.get(node.attrs.id as string);
    if (state) tr.setNodeAttribute(pos, 'translation', state);
    return !node.isTextblock;
  });
  return tr.doc;
}

/** `target` (in force, another language) with the tracked changes of `source`, ready to translate. */
export function carryOver(source: Node, target: Node, options: CarryOverOptions = {}): CarryOverResult {
  const from = languageOf(source, 'source');
  const to = languageOf(target, 'target');
  if (from === to)
    throw new CarryOverError(
      `both documents are in ${from}: carry-over takes a source and a target in two languages (compare two versions of one language)`,
    );
  const original = rejectAll(source);
  const final = acceptAll(source);
  const inForce = acceptAll(target);
  const alignment = alignVersions(original, inForce);
  const builder = new Builder(source, final, original, inForce, alignment.counterparts, from, to);
  const built = builder.build();
  // The statuses go on both sides before tracking: a block the proposal leaves alone must read the
  // same on both (the tracker compares attributes), and a block it inserts carries its status in.
  const out = EditorState.create({ doc: applyStates(baseOf(built, blocksById(inForce)), builder.states) }).tr;
  const author = options.author?.trim() || CARRY_OVER_AUTHOR;
  trackDifference(
    out,
    new TrackContext(author, options.date ?? new Date().toISOString()),
    applyStates(built, builder.states),
    undefined,
    true,
  );
  uniqueIdsIn(out);
  // The result is the proposal in another language, as a New revision is in its own: tracking on,
  // so the translator's rewording of an item changed in source is tracked like the source's change
  // (off, it would come out unmarked: the proposal's change lost from this language version).
  out.setDocAttribute('trackChanges', true);
  const doc = out.doc;
  return { doc, report: { counts: translationCounts(doc), untranslated: builder.untranslated, disagreements: alignment.disagreements } };
}
