import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipboardHtmlToText } from '../../shared/import/index.js';
import { fixture } from '../support/fixtures.js';

const clipboard = (name: string) => fixture(`clipboard/${name}`);

describe('clipboard HTML from Word and LibreOffice', () => {
  it('turns Word HTML into label + tab lines with the footnote on its anchor line', () => {
    const text = clipboardHtmlToText(clipboard('word-res1332-excerpt.html'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('considérant');
    expect(lines[1]).toMatch(/^a\)\tque l'UIT a un rôle déterminant/);
    expect(lines[2]).toMatch(
      /^b\)\tque la Résolution\u00a0102 .*compétentes\[footnoteRef:1\] participant au développement des réseaux, \[1: Organisations comprenant, entre autres, l'ICANN, les RIR, l'IETF, l'ISOC et le W3C\.\]$/,
    );
    expect(lines.slice(3)).toEqual([
      'décide',
      "1\tque l'UIT doit jouer le rôle de coordonnateur principal;",
      'a.\tactualisant ses feuilles de route;',
      'b.\tcontribuant aux feuilles de route;',
      '2\tque le Forum 2025 du SMSI devrait être considéré comme une manifestation de haut niveau,',
    ]);
    // Nothing of the style sheet, the conditional comments or the footnote list leaks into the text.
    expect(text).not.toMatch(/MsoNormal|font-size|\[1\]|supportFootnotes/);
  });

  it('turns LibreOffice HTML into lines and footnotes the same way', () => {
    const lines = clipboardHtmlToText(clipboard('libreoffice-res30-excerpt.html')).split('\n');
    expect(lines).toEqual([
      'notant',
      "que le Secrétaire général de l'UIT a créé le Groupe spécial de l'UIT sur le SMSI et les ODD,",
      "décide d'inviter le Secteur du développement des télécommunications",
      "1\tà continuer de collaborer avec les autres Secteurs de l'UIT, eu égard en particulier aux besoins des pays en développement[footnoteRef:1], y compris pour la mise en place de l'infrastructure; [1: Par pays en développement, on entend aussi les pays les moins avancés.]",
      '2\tà poursuivre ses travaux sur la réalisation de la Vision du SMSI;',
    ]);
  });

  it('never throws on broken HTML', () => {
    for (const html of [
      '',
      '<p>unclosed <b>bold',
      '<<<>>>',
      '<div style="mso-element:footnote" id=ftn9><p>orphan</p>',
      '<a style="mso-footnote-id:ftn1">x',
    ]) {
      expect(typeof clipboardHtmlToText(html)).toBe('string');
    }
  });
});

describe('pasting Word HTML into a resolution', () => {
  it('gives items with their sub-items and footnote, inside the list at the cursor', async () => {
    const { importText } = await import('../../shared/import/text/index.js');
    const { parsePastedText } = await import('../../shared/editing/paste.js');
    const { schema } = await import('../../shared/schema/schema.js');
    const { doc } = importText(readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8'));
    // The cursor in the text of décide 1.
    let at = -1;
    doc.descendants((node, pos) => {
      if (at < 0 && node.type.name === 'item_text' && node.textContent.startsWith("que l'UIT doit jouer le rôle de coordonnateur"))
        at = pos + 1;
      return at < 0;
    });
    // The operative part of the copied excerpt: items 1 (with a. b. under it) and 2, after `décide`.
    const text = clipboardHtmlToText(clipboard('word-res1332-excerpt.html')).split('\n').slice(4).join('\n');
    expect(text.split('\n')[0]).toMatch(/^1\t/);
    const slice = parsePastedText(text, doc.resolve(at), schema);
    const items: string[] = [];
    slice.content.descendants((node) => {
      if (node.type.name === 'item_text') items.push(node.textContent);
      return true;
    });
    expect(items).toEqual([
      "que l'UIT doit jouer le rôle de coordonnateur principal;",
      'actualisant ses feuilles de route;',
      'contribuant aux feuilles de route;',
      'que le Forum 2025 du SMSI devrait être considéré comme une manifestation de haut niveau,',
    ]);
  });
});
