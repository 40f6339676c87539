/**
 * Switching a document's language rewrites its fixed lines from the language tables — keywords by
 * role, the call, the number line's word and phrases, the annex heading — in one untracked step,
 * and says what the tables do not know.
 */
import { readFileSync } from 'node:fs';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { writeText } from '../../shared/export/index.js';
import { importText } from '../../shared/import/index.js';
import { translateFixedLines, translateLine } from '../../shared/translation/index.js';
import { setTrackingEnabled, trackingPlugin, listChanges } from '../../shared/tracking/index.js';

const FR = importText(readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8')).doc;

describe('translateFixedLines on Resolution 1332', () => {
  it('gives the French text its English keywords, call, number line and annex heading, in one step', () => {
    const state = EditorState.create({ doc: FR });
    const tr = state.tr;
    const report = translateFixedLines(tr, 'en');
    const text = writeText(tr.doc, { mode: 'final' });
    expect(tr.doc.attrs.language).toBe('en');
    expect(text.startsWith('RESOLUTION 1332 (C11, last amended C24)\n')).toBe(true);
    expect(text).toContain('\nThe ITU Council,\nrecalling\na)\tla Résolution\u00a0140');
    for (const line of [
      'considering',
      'recognizing',
      'noting',
      'resolves',
      'instructs le Secrétaire général',
      'instructs le Secrétaire général et les Directeurs des Bureaux',
    ]) {
      expect(text).toContain(`\n${line}\n`);
    }
    expect(text).toContain('\nANNEX\n');
    expect(report.translated).toBe(12);
    expect(report.untranslated).toEqual([
      '(adoptée à la onzième séance plénière): «(adoptée à la onzième séance plénière)» is not in the English tables',
      "charge le Groupe de travail du Conseil sur le Sommet mondial sur la société de l'information et les ODD: «le Groupe de travail du Conseil sur le Sommet mondial sur la société de l'information et les ODD» is not in the English tables",
      'charge le Secrétaire général: «le Secrétaire général» is not in the English tables',
      'charge le Secrétaire général et les Directeurs des Bureaux: «le Secrétaire général et les Directeurs des Bureaux» is not in the English tables',
      'invite les États Membres, les Membres de Secteur et toutes les parties prenantes: «les États Membres, les Membres de Secteur et toutes les parties prenantes» is not in the English tables',
    ]);
    // And back: the French lines again, from the English ones.
    const back = state.apply(tr).tr;
    translateFixedLines(back, 'fr');
    expect(writeText(back.doc, { mode: 'final' })).toBe(writeText(FR, { mode: 'final' }));
  });

  it('is not a tracked change, even in suggestion mode', () => {
    let state = EditorState.create({ doc: FR, plugins: [trackingPlugin({ author: { name: 'Traductrice' } })] });
    state = state.apply(setTrackingEnabled(state, true));
    const tr = state.tr;
    translateFixedLines(tr, 'es');
    state = state.apply(tr);
    expect(listChanges(state.doc)).toEqual([]);
    expect(writeText(state.doc, { mode: 'final' })).toContain('\nconsiderando\n');
  });

  it('keeps the Russian keyword punctuation, and reports a line the tables do not know', () => {
    expect(translateLine('section_keyword', 'considérant', 'fr', 'ru')).toEqual({ text: 'учитывая,', untranslated: null });
    expect(translateLine('section_keyword', 'учитывая,', 'ru', 'en')).toEqual({ text: 'considering', untranslated: null });
    expect(
      translateLine('call', 'La Conférence mondiale de développement des télécommunications (Kigali, 2022),', 'fr', 'en').untranslated,
    ).toMatch(/^La Conférence mondiale/);
  });
});
