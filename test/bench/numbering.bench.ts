/**
 * Numbering speed (issue 6): an item inserted at the top of a 1,000-item section of a large
 * resolution. Ours: the incremental update of the numbering plugin (only the touched list is
 * renumbered once for both numberings when nothing in it is tracked, and its labels become the
 * new layer as they are). Peer: a full recomputation of the same document's labels, both
 * numberings, in the same run. Target (issue 15): the incremental median at most a tenth of the
 * full recomputation's (a ratio, so that a loaded machine does not decide the result).
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { buildDoc } from '../../shared/model/index.js';
import { item, type ItemSpec, type SectionSpec } from '../../shared/model/build.js';
import { computeLabels } from '../../shared/numbering/index.js';
import { numberingKey, numberingPlugin } from '../../shared/numbering/index.js';
import { computeNumberingState, updateNumbering } from '../../shared/numbering/plugin.js';
import { medianResult, summarise, type BenchResult } from './types.js';

const BIG_SECTION = 1000;
const OTHER_SECTIONS = 20;
const ITEMS_PER_OTHER = 100;
const SAMPLES = 200;

const text = (n: number) => `de poursuivre les travaux numéro ${n} sur la mise en œuvre des résultats du SMSI;`;

function withSubItems(n: number): ItemSpec {
  return n % 10 === 0 ? { text: text(n), children: [{ style: 'roman', items: [text(n + 1), text(n + 2)] }] } : { text: text(n) };
}

/** A resolution with one 1,000-item operative section among twenty ordinary ones. */
export function largeDocument(): Node {
  const sections: SectionSpec[] = [];
  for (let s = 0; s < OTHER_SECTIONS; s++) {
    const preamble = s < OTHER_SECTIONS / 2;
    sections.push({
      kind: preamble ? 'preamble' : 'operative',
      keyword: preamble ? 'considérant' : 'charge le Secrétaire général',
      items: Array.from({ length: ITEMS_PER_OTHER }, (_, i) => withSubItems(s * ITEMS_PER_OTHER + i)),
    });
    if (s === OTHER_SECTIONS / 2) {
      sections.push({ kind: 'operative', keyword: 'décide', items: Array.from({ length: BIG_SECTION }, (_, i) => withSubItems(i)) });
    }
  }
  return buildDoc({
    blocks: [
      { resolution: { number: 'RÉSOLUTION 1332 (C11, dernière mod. C24)', title: 'Titre', call: "Le Conseil de l'UIT,", sections } },
    ],
  });
}

/** Position just before the first item of the 1,000-item section. */
function topOfBigSection(doc: Node): number {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at >= 0) return false;
    if (node.type.name === 'item_list' && node.childCount === BIG_SECTION) {
      at = pos + 1;
      return false;
    }
    return true;
  });
  if (at < 0) throw new Error('the benchmark document has no 1,000-item section');
  return at;
}

function time(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

export async function run(): Promise<BenchResult> {
  const doc = largeDocument();
  const state = EditorState.create({ doc, plugins: [numberingPlugin()] });
  const before = numberingKey.getState(state)!;
  const at = topOfBigSection(doc);
  const incremental: number[] = [];
  const full: number[] = [];
  let items = 0;
  doc.descendants((node) => {
    if (node.type.name === 'item') items += 1;
    return true;
  });
  // Warm-up (JIT), then samples interleaved so both see the same machine load.
  for (let i = 0; i < 20; i++) {
    const tr = state.tr.insert(at, item(text(-1)));
    updateNumbering(before, tr);
    computeNumberingState(tr.doc);
  }
  for (let i = 0; i < SAMPLES; i++) {
    const tr = state.tr.insert(at, item(text(-1)));
    let updated = before;
    incremental.push(time(() => (updated = updateNumbering(before, tr))));
    full.push(time(() => void [computeLabels(tr.doc, { view: 'new' }), computeLabels(tr.doc, { view: 'original' })]));
    if (i === 0 && updated.labels.items.size !== computeLabels(tr.doc).items.size)
      throw new Error('incremental labels differ from a full computation');
  }
  const ours = summarise('incremental numbering update (touched list only, both numberings)', incremental);
  const peer = summarise('full recomputation of the same document (both numberings)', full);
  return medianResult(
    'Numbering: insert an item at the top of a 1,000-item section',
    ours,
    peer,
    0.1,
    'median ≤ 0.1× full recomputation (issue 15)',
    [
      `${items} items in the document; the touched list has ${BIG_SECTION + 1} items after the insertion`,
      `p95 ratio ${(ours.p95 / peer.p95).toFixed(2)}×`,
    ],
  );
}
