/**
 * Documents with tables for the table tests: the Secretary-General's WSIS report (a real Council
 * document, test/fixtures/council-sg-report-wsis-sdg.txt) with the timetable of the WSIS Forum
 * editions its paragraphs 2.4 and 3.2 describe, as a Council report would lay it out, with or without
 * tracked rows.
 */
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { importText } from '../../shared/import/text/index.js';
import { schema, type BlockChange } from '../../shared/schema/schema.js';

export const SG_REPORT = importText(readFileSync(new URL('../fixtures/council-sg-report-wsis-sdg.txt', import.meta.url), 'utf8'), {
  language: 'fr',
}).doc;

let next = 0;
const id = (what: string) => `${what}-${++next}`;

export function cell(text: string, marks: 'insertion' | 'deletion' | null = null, stamp?: BlockChange): Node {
  const content = text
    ? schema.text(text, marks && stamp ? [schema.marks[marks]!.create({ id: stamp.id, author: stamp.author, date: stamp.date })] : [])
    : null;
  return schema.nodes.table_cell!.create({ id: id('cell') }, schema.nodes.paragraph!.create({ id: id('p') }, content));
}

export function row(cells: Array<string | Node>, change: BlockChange | null = null, header = false): Node {
  return schema.nodes.table_row!.create(
    { id: id('row'), change, header },
    cells.map((c) => (typeof c === 'string' ? cell(c) : c)),
  );
}

export function table(rows: Node[], change: BlockChange | null = null): Node {
  return schema.nodes.table!.create({ id: id('table'), change }, rows);
}

export const SECRETARIAT: Omit<BlockChange, 'kind'> = { id: 'chg-sec', author: 'Secrétariat', date: '2026-04-14T09:00:00Z' };
export const RUSSIA: Omit<BlockChange, 'kind'> = { id: 'chg-ru', author: 'Fédération de Russie', date: '2026-04-15T10:00:00Z' };

/** The timetable: heading row, three editions; optionally one row inserted and one deleted. */
export function timetable(tracked: boolean): Node {
  const rows = [
    row(['Manifestation', 'Dates', 'Lieu'], null, true),
    row(['Forum 2022 du SMSI', '30 mai – 3 juin 2022', 'Genève']),
    row(['Forum 2023 du SMSI', '13–17 mars 2023', 'Genève']),
  ];
  if (tracked) {
    rows.push(row(['Forum SMSI+20', '27–31 mai 2024', 'Genève'], { kind: 'insertion', ...SECRETARIAT }));
    rows.splice(1, 0, row(['Forum 2021 du SMSI', 'mars – mai 2021', 'en ligne'], { kind: 'deletion', ...RUSSIA }));
  }
  return table(rows);
}

/** The SG report with the timetable after its paragraph 2.4. */
export function reportWithTimetable(tracked: boolean): Node {
  const blocks: Node[] = [];
  let placed = false;
  SG_REPORT.forEach((block) => {
    blocks.push(block);
    if (!placed && block.textContent.startsWith('En 2022 et 2023, deux éditions du Forum du SMSI')) {
      blocks.push(timetable(tracked));
      placed = true;
    }
  });
  if (!placed) throw new Error('the SG report no longer has its paragraph 2.4');
  return SG_REPORT.type.create(SG_REPORT.attrs, blocks);
}
