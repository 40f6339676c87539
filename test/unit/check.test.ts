import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { EditorState, TextSelection } from 'prosemirror-state';
import { deleteSelection } from 'prosemirror-commands';
import { structureKeymap } from '../../shared/editing/index.js';
import { deleteItem } from '../../shared/editing/insert.js';
import type { Command } from '../../shared/editing/context.js';
import { trackTransaction } from '../../shared/tracking/track.js';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocument, hasErrors } from '../../shared/check/index.js';
import { main } from '../../cli/plenary.js';
import { serializeDocument } from '../../shared/file/index.js';
import { importText } from '../../shared/import/index.js';
import { resolutionDoc } from '../../shared/model/build.js';
import { linkReferences } from '../../shared/numbering/index.js';
import { keywordText } from '../../shared/numbering/index.js';
import { schema } from '../../shared/schema/index.js';
import { fixture } from '../support/fixtures.js';

const RES_1332 = 'council-res-1332-c24.txt';

/** The fixture with the final punctuation of the one line starting with `prefix` changed to `mark` ('' removes it). */
function withEnding(text: string, prefix: string, mark: string): string {
  const lines = text.split('\n');
  const matching = lines.filter((line) => line.startsWith(prefix));
  expect(matching).toHaveLength(1);
  return lines.map((line) => (line.startsWith(prefix) ? line.replace(/[;,.]\s*$/u, mark) : line)).join('\n');
}

const check = (text: string) => checkDocument(linkReferences(importText(text).doc));

describe('style checks', () => {
  for (const name of [RES_1332, 'wtdc-res-30-kigali-2022.txt']) {
    it(`${name} as adopted has no findings`, () => {
      expect(check(fixture(name))).toEqual([]);
    });
  }

  it('terminal punctuation: ; inside a section, , at its end, . at the end of the resolution', () => {
    let text = fixture(RES_1332);
    text = withEnding(text, 'e)\tque, par sa Résolution', ',');
    text = withEnding(text, "b)\tla contribution soumise par l'UIT", ';');
    text = withEnding(text, '6\tà encourager les membres', ';');
    const findings = check(text);
    expect(findings.map((f) => [f.code, f.where, f.message])).toEqual([
      ['punctuation', 'considérant e)', 'ends with "," where ";" is expected'],
      ['punctuation', 'notant b)', 'ends with ";" where "," is expected'],
      [
        'punctuation',
        'invite les États Membres, les Membres de Secteur et toutes les parties prenantes 6',
        'ends with ";" where "." is expected',
      ],
    ]);
    expect(findings.every((f) => f.severity === 'warning' && f.blockId)).toBe(true);
  });

  it('an empty item is an error, located by section and label', () => {
    const doc = importText(fixture(RES_1332)).doc;
    let at = -1;
    doc.descendants((node, pos, parent) => {
      if (at < 0 && node.type.name === 'item_list' && parent?.type.name === 'section' && keywordText(parent) === 'notant') at = pos + 1;
      return at < 0;
    });
    const empty = schema.nodes.item!.create({ id: 'empty-one' }, schema.nodes.item_text!.create({ id: 'empty-text' }));
    const findings = checkDocument(new Transform(doc).insert(at, empty).doc);
    expect(findings).toContainEqual({
      severity: 'error',
      code: 'empty-item',
      message: 'the item is empty',
      blockId: 'empty-one',
      where: 'notant a)',
    });
    expect(hasErrors(findings)).toBe(true);
  });

  it('an item deleted with tracking is no empty item; an item whose text alone is struck is one', () => {
    const doc = importText(fixture(RES_1332)).doc;
    let item = -1;
    doc.descendants((node, pos, parent) => {
      if (
        item < 0 &&
        node.type.name === 'item' &&
        parent?.type.name === 'item_list' &&
        node.childCount === 1 &&
        node.textContent.startsWith('la Résolution 70')
      )
        item = pos;
      return item < 0;
    });
    expect(item).toBeGreaterThan(0);
    const author = { name: 'Fédération de Russie' };
    const start = (state: EditorState, at: number, to = at) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, at, to)));
    const tracked = (state: EditorState, command: Command): Node => {
      let out: Node | null = null;
      expect(command(state, (tr) => (out = trackTransaction(tr, state, author).doc))).toBe(true);
      return out!;
    };
    const state = EditorState.create({ doc });
    const textEnd = item + 1 + doc.nodeAt(item)!.firstChild!.nodeSize - 1;
    // The Delete-item command, tracked: the item struck whole.
    expect(checkDocument(tracked(start(state, item + 2), deleteItem)).filter((f) => f.code === 'empty-item')).toEqual([]);
    // Its text struck, then Backspace at its start: joined to the item before (as Word deletes a paragraph).
    const struck = EditorState.create({ doc: tracked(start(state, item + 2, textEnd), deleteSelection) });
    expect(
      checkDocument(struck.doc)
        .filter((f) => f.code === 'empty-item')
        .map((f) => f.blockId),
    ).toEqual([doc.nodeAt(item)!.attrs.id]);
    const joined = tracked(start(struck, item + 2), structureKeymap().Backspace!);
    expect(checkDocument(joined).filter((f) => f.code === 'empty-item')).toEqual([]);
  });

  it('unknown section keywords for the document language', () => {
    const doc = resolutionDoc(
      [
        { kind: 'preamble', keyword: 'considering', items: ['un;', 'deux,'] },
        { kind: 'operative', keyword: 'décide', items: ['un;', 'deux.'] },
      ],
      { language: 'fr' },
    );
    const findings = checkDocument(doc);
    expect(findings.map((f) => [f.code, f.severity, f.where])).toEqual([['unknown-keyword', 'warning', 'considering']]);
    expect(findings[0]!.message).toContain('Français');
  });
});

describe('plenary check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function runCheck(file: string, ...flags: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(['check', file, ...flags], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      cwd: dir,
    });
    return { code, out, err };
  }

  it('exits 0 and says so when there is nothing to report', async () => {
    const file = join(dir, 'res-1332.txt');
    writeFileSync(file, fixture(RES_1332));
    expect(await runCheck(file)).toEqual({ code: 0, out: 'no findings\n', err: '' });
  });

  it('exits 0 with warnings only, 1 with errors', async () => {
    const warned = join(dir, 'warned.txt');
    writeFileSync(warned, withEnding(fixture(RES_1332), "2\tque l'UIT doit poursuivre la coordination", ''));
    const first = await runCheck(warned);
    expect(first.code).toBe(0);
    expect(first.out).toContain('warning: ');

    const doc: Node = linkReferences(importText(fixture(RES_1332)).doc);
    let target = -1;
    doc.descendants((node) => {
      if (node.type.name === 'cross_reference') {
        const id = node.attrs.target as string;
        doc.descendants((item, itemPos) => {
          if (item.attrs.id === id) target = itemPos;
          return target < 0;
        });
      }
      return target < 0;
    });
    const broken = new Transform(doc).delete(target, target + doc.nodeAt(target)!.nodeSize).doc;
    const file = join(dir, 'broken.plenary');
    writeFileSync(file, serializeDocument(broken));
    const second = await runCheck(file);
    expect(second.code).toBe(1);
    expect(second.out).toContain('error: charge le Groupe de travail');
    expect(second.out).toContain('"point\u00a0?? du décide" refers to an item that no longer exists');
    const json = await runCheck(file, '--json');
    expect(json.code).toBe(1);
    expect((JSON.parse(json.out) as { findings: Array<{ code: string }> }).findings.map((f) => f.code)).toEqual(['dangling-reference']);
  });

  it('a file that cannot be read is a one-line error, exit 1', async () => {
    const result = await runCheck(join(dir, 'missing.txt'));
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});
