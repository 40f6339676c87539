/**
 * Alignment speed (issue 18): two language versions of a 1,100-item resolution — the long French
 * resolution of the other benchmarks and an English version of it with every 45th item left out
 * (so that sections really need aligning, not only pairing one to one) — aligned block by block
 * (shared/align). Peer, in the same run: the same-language block matching of compare
 * (shared/compare alignIds) on the French version and the French version with the same items
 * left out. Target: alignment median ≤ 500 ms (the figure), printed beside the peer.
 */
import type { Node } from 'prosemirror-model';
import { alignVersions } from '../../shared/align/index.js';
import { alignIds } from '../../shared/compare/align.js';
import { schema } from '../../shared/schema/schema.js';
import { longResolution, sentence } from '../support/long-resolution.js';
import { measurePair, summarise, type BenchResult } from './types.js';

const SAMPLES = 9;
const LEAVE_OUT_EVERY = 45;
const TARGET_MS = 500;

const english = (n: number) =>
  `that ITU shall continue its work number ${n} on the implementation of the outcomes of WSIS and the 2030 Agenda for Sustainable Development, in coordination with Member States;`;

interface NodeJson {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
}

/** The resolution with every LEAVE_OUT_EVERY-th item of each section left out; `translate` rewrites its text. */
function version(source: Node, translate: (text: string) => string): Node {
  const rewrite = (json: NodeJson): NodeJson => {
    const content = json.content?.map(rewrite);
    const kept =
      json.type === 'item_list' && content && content.length > LEAVE_OUT_EVERY
        ? content.filter((_, i) => i % LEAVE_OUT_EVERY !== LEAVE_OUT_EVERY - 1)
        : content;
    return { ...json, ...(json.text === undefined ? {} : { text: translate(json.text) }), ...(kept ? { content: kept } : {}) };
  };
  return schema.nodeFromJSON(rewrite(source.toJSON() as NodeJson));
}

const KEYWORDS: Record<string, string> = { considérant: 'considering', décide: 'resolves' };

function toEnglish(text: string): string {
  const number = /numéro (\d+)/.exec(text);
  if (number && text === sentence(Number(number[1]))) return english(Number(number[1]));
  return KEYWORDS[text] ?? text.replace('Voir la Résolution', 'See Resolution').replace('Rév. Bucarest', 'Rev. Bucharest');
}

export async function run(): Promise<BenchResult> {
  const french = longResolution();
  const englishVersion = version(french, toEnglish);
  const frenchShorter = version(french, (text) => text);
  const check = alignVersions(french, englishVersion);
  const { ours, peer } = await measurePair(
    SAMPLES,
    () => alignVersions(french, englishVersion),
    () => alignIds(french, frenchShorter),
  );
  const oursMeasure = summarise('alignVersions fr ↔ en (sections by keyword role, items by position and numbers)', ours);
  const peerMeasure = summarise('compare alignIds fr ↔ fr (same-language block matching)', peer);
  return {
    name: 'Alignment of two language versions of a 1,100-item resolution',
    ours: oursMeasure,
    peer: peerMeasure,
    ratio: oursMeasure.median / peerMeasure.median,
    target: `median ≤ ${TARGET_MS} ms (issue 18), beside compare's block matching`,
    met: oursMeasure.median <= TARGET_MS,
    notes: [
      `${check.pairs.filter((pair) => pair.type === 'item').length} items paired, ${check.disagreements.filter((d) => d.kind === 'missing').length} missing on one side reported`,
    ],
  };
}
