/**
 * Library search (File → New Proposal…, `plenary library search`): queries a delegate types — a
 * number, title words, words of the text — against a library of 500 texts in force (the two
 * fixture resolutions, each copied 250 times under other numbers and with words changed).
 * Ours: shared/library's inverted index, built once. Peer: a linear scan of the same folded texts
 * for every query word (what a search without an index does), in the same run.
 * Target: median ≤ 50 ms per query, and no slower than the scan.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeText } from '../../shared/export/index.js';
import { importText } from '../../shared/import/index.js';
import { describeTextInForce, SearchIndex, searchWords } from '../../shared/library/index.js';
import { measurePair, summarise, type BenchResult } from './types.js';

const TEXTS = 500;
const QUERIES = [
  '30',
  'Résolution 1332',
  'rôle secteur',
  'SMSI développement durable',
  'intelligence artificielle',
  'numéro 417',
  'connec',
];
const SAMPLES = 30;

function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
}

interface Text {
  number: string;
  title: string;
  text: string;
}

function library(): Text[] {
  const sources = ['council-res-1332-c24.txt', 'wtdc-res-30-kigali-2022.txt'].map((name) => {
    const doc = importText(fixtureText(name)).doc;
    return { info: describeTextInForce(doc)!, text: writeText(doc, { mode: 'final' }) };
  });
  return Array.from({ length: TEXTS }, (_, i) => {
    const source = sources[i % 2]!;
    const number = String(i + 1);
    return {
      number,
      title: `${source.info.title} (numéro ${number})`,
      text: source.text.replaceAll(source.info.number ?? '', number).replace('SMSI', `SMSI numéro ${number}`),
    };
  });
}

export async function run(): Promise<BenchResult> {
  const texts = library();
  const index = new SearchIndex(texts.map((text) => ({ item: text, number: text.number, title: text.title, text: text.text })));
  const folded = texts.map((text) => ` ${searchWords(`${text.number} ${text.title} ${text.text}`).join(' ')} `);
  const scan = (query: string) => {
    const words = searchWords(query);
    return folded.filter((text) => words.every((word) => text.includes(` ${word}`)));
  };
  const timings = await measurePair(
    SAMPLES,
    () => QUERIES.map((query) => index.search(query, TEXTS).length),
    () => QUERIES.map((query) => scan(query).length),
  );
  const perQuery = (samples: number[]) => samples.map((ms) => ms / QUERIES.length);
  const ours = summarise(`index search, ${TEXTS} texts`, perQuery(timings.ours));
  const peer = summarise(`linear scan of the folded texts`, perQuery(timings.peer));
  const ratio = ours.median / peer.median;
  return {
    name: `library search: ${QUERIES.length} queries on ${TEXTS} texts (per query)`,
    ours,
    peer,
    ratio,
    target: 'median ≤ 50 ms per query and ≤ 1× the linear scan',
    met: ours.median <= 50 && ratio <= 1,
    notes: [
      `texts found per query (index / scan): ${QUERIES.map((query) => `${index.search(query, TEXTS).length}/${scan(query).length}`).join(', ')}`,
    ],
  };
}
