/**
 * The toolbar's More menu: the entries that do not fit on the row (use-toolbar-fit.ts), in the
 * row's order, groups apart. A menu button as desktop toolkits make it: Enter, Space or Down opens
 * it with the focus on its first entry; Up/Down (and Home/End) move within it, Escape closes it and
 * gives the focus back to More; choosing an entry runs it and closes the menu; a click elsewhere or
 * Tab closes it too.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface OverflowItem {
  key: string;
  /** Entries of another group are set apart by a line. */
  group: string;
  render(): ReactNode;
}

const FOCUSABLE = 'button:not(:disabled), select';

export function ToolbarOverflow(props: { items: readonly OverflowItem[]; button: RefObject<HTMLButtonElement | null> }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const entries = () => [...(menu.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];

  /** Closes the menu; the focus goes back to More when it was in the menu (which is about to go). */
  const close = () => {
    if (menu.current?.contains(document.activeElement)) props.button.current?.focus();
    setOpen(false);
  };

  useEffect(() => {
    if (!open) return;
    entries()[0]?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as globalThis.Node;
      if (!menu.current?.contains(target) && !props.button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open, props.button]);

  const onMenuKey = (event: ReactKeyboardEvent) => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') setOpen(false);
  };

  let group = props.items[0]?.group;
  return (
    <div className="tb-more-wrap">
      <button
        ref={props.button}
        type="button"
        className="tb-button tb-more"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title="More commands"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (open ? close() : setOpen(true))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        More ▾
      </button>
      {open ? (
        <div
          ref={menu}
          id={id}
          className="tb-menu"
          role="menu"
          aria-label="More commands"
          onKeyDown={onMenuKey}
          // Choosing an entry (a click, Enter or Space on it, or a drop-down's choice) closes the menu.
          onClick={(event) => (event.target as HTMLElement).closest('button') && close()}
          onChange={close}
        >
          {props.items.map((item) => {
            const apart = item.group !== group;
            group = item.group;
            return (
              <div key={item.key} className="tb-menu-entry" role="none">
                {apart ? <div className="tb-menu-separator" role="separator" /> : null}
                {item.render()}
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
