/**
 * View → Language Versions…: the source language version beside the document, read-only, each
 * source unit on the row of the target unit that translates it (rows aligned to the target's
 * layout, in the same scrolling area: they scroll together). The source shows its tracked changes;
 * a stale unit shows the text it was translated from struck beside the new one.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { ownText, sourceUnits, STATUS_WORDS, translationOf, unitsOf } from '../../shared/translation/index.js';
import { directionOf } from '../../shared/languages/index.js';

interface Row {
  id: string;
  pos: number;
  text: string;
  previous: string | null;
  status: string | null;
}

/** `[+…+]` and `[-…-]` as insertions and deletions. */
function Marked({ text }: { text: string }) {
  const parts = text.split(/(\[\+[\s\S]*?\+\]|\[-[\s\S]*?-\])/u).filter((part) => part !== '');
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('[+') && part.endsWith('+]') ? (
          <ins key={index}>{part.slice(2, -2)}</ins>
        ) : part.startsWith('[-') && part.endsWith('-]') ? (
          <del key={index}>{part.slice(2, -2)}</del>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

function rowsOf(doc: Node, source: Node): Row[] {
  const sources = sourceUnits(source, doc);
  const rows: Row[] = [];
  for (const { node, pos } of unitsOf(doc)) {
    const id = node.attrs.id as string;
    const found = sources.get(id);
    if (!found) continue;
    const state = translationOf(node);
    rows.push({ id, pos, text: ownText(found, source, true), previous: state?.previous ?? null, status: state?.status ?? null });
  }
  return rows;
}

export interface SourcePaneProps {
  view: EditorView;
  /** The document on screen (a new one re-lays the rows). */
  doc: Node;
  source: Node;
  name: string;
  /** The element that scrolls the page (rows are placed in its coordinates). */
  scroller: HTMLElement | null;
  onClose(): void;
  onJump(id: string): void;
}

export function SourcePane({ view, doc, source, name, scroller, onClose, onJump }: SourcePaneProps) {
  const rows = useMemo(() => rowsOf(doc, source), [doc, source]);
  const [tops, setTops] = useState<number[]>([]);
  const pane = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const origin = pane.current?.getBoundingClientRect().top ?? 0;
      setTops(
        rows.map((row) => {
          const dom = view.nodeDOM(row.pos);
          return dom instanceof HTMLElement ? dom.getBoundingClientRect().top - origin : -1;
        }),
      );
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    // Sections out of sight are laid out when they scroll in: measure again as they do.
    scroller.addEventListener('scroll', later, { passive: true });
    window.addEventListener('resize', later);
    return () => {
      scroller.removeEventListener('scroll', later);
      window.removeEventListener('resize', later);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [rows, view, scroller]);

  const lang = (source.attrs.language as string) ?? 'fr';
  return (
    <aside className="source-pane" aria-label={`Source language version: ${name}`} lang={lang} dir={directionOf(lang)}>
      <header className="source-pane-header">
        <span>Source: {name} (read-only)</span>
        <button type="button" onClick={onClose} aria-label="Close the source">
          ×
        </button>
      </header>
      <div className="source-pane-rows" ref={pane}>
        {rows.map((row, index) => {
          const top = tops[index] ?? -1;
          const next = tops.slice(index + 1).find((value) => value > top);
          return top < 0 ? null : (
            <div
              key={row.id}
              className={`source-row${row.status ? ` source-row-${row.status}` : ''}`}
              data-target={row.id}
              data-status={row.status ?? ''}
              title={row.status ? STATUS_WORDS[row.status as keyof typeof STATUS_WORDS] : undefined}
              style={{ top, ...(next !== undefined ? { maxHeight: next - top } : {}) }}
              onClick={() => onJump(row.id)}
            >
              {row.previous !== null ? (
                <div className="source-row-previous" aria-label="Translated from">
                  <Marked text={row.previous} />
                </div>
              ) : null}
              <Marked text={row.text} />
            </div>
          );
        })}
      </div>
    </aside>
  );
}
