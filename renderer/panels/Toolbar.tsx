/**
 * The toolbar, laid out from the command registry (shared/ipc/commands.ts; toolbar-layout.ts):
 * file commands, undo/redo, structure inserts, review and tools, each button with the registry's
 * label, tooltip (its shortcut added), enablement and pressed state. Beside the commands, the
 * drop-downs that take an argument: a section with a keyword from the language table, a reference
 * to an item, the document's language. Buttons only send commands; the controller runs them.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { LANGUAGE_CODES, languageTable, type LanguageCode } from '../../shared/languages/index.js';
import type { SectionKind } from '../../shared/schema/index.js';
import {
  TOOLBAR_SELECTS,
  acceleratorOf,
  isEnabled,
  type CommandContext,
  type CommandId,
  type KeyPlatform,
} from '../../shared/commands/index.js';
import { shownAccelerator } from '../../shared/commands/index.js';
import { keyPlatform } from '../editor/create-editor.js';
import type { ReferenceTarget } from '../outline.js';
import { optionValue, selectedOption, toolbarLayout, type ButtonPlace, type ToolbarEntry } from './toolbar-layout.js';
import { DIVIDER_KEY, useToolbarFit } from './use-toolbar-fit.js';
import { ToolbarOverflow, type OverflowItem } from './ToolbarOverflow.js';

export interface ToolbarProps {
  /** What the commands' enablement, labels and pressed states read. */
  context: CommandContext;
  language: string;
  onCommand(command: CommandId): void;
  onInsertSection(kind: SectionKind, keyword: string): void;
  /**
   * Items a reference can point at: id, computed label, section keyword and the first words. Asked
   * for when the picker is opened (focused), not on every render: a resolution has a thousand items.
   */
  referenceTargets(): ReadonlyArray<ReferenceTarget>;
  onInsertReference(targetId: string): void;
  /** Relabels the document in another language's alphabet and reference wording. */
  onLanguage(language: LanguageCode): void;
}

/** A button's tooltip: the registry's title and the command's shortcut on this platform. */
export function buttonTitle(id: CommandId, place: ButtonPlace, platform: KeyPlatform): string {
  const accelerator = acceleratorOf(id, platform);
  return accelerator ? `${place.title} (${shownAccelerator(accelerator, platform)})` : place.title;
}

function Button(props: {
  label: string;
  title: string;
  onClick(): void;
  disabled?: boolean;
  pressed?: boolean;
  name?: string;
  /** In the More menu: a menu item, its full name and shortcut shown. */
  menu?: { name: string; shortcut: string | undefined };
}) {
  const { menu } = props;
  const checkable = props.pressed !== undefined;
  return (
    <button
      type="button"
      className={menu ? 'tb-menu-item' : 'tb-button'}
      title={props.title}
      aria-label={menu ? undefined : props.title}
      aria-pressed={menu ? undefined : props.pressed}
      role={menu ? (checkable ? 'menuitemcheckbox' : 'menuitem') : undefined}
      aria-checked={menu && checkable ? props.pressed : undefined}
      data-command={props.name}
      disabled={props.disabled}
      // Keep the focus (and the selection) in the document.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {menu ? (
        <>
          <span className="tb-menu-check" aria-hidden="true">
            {props.pressed ? '✓' : ''}
          </span>
          <span className="tb-menu-name">{menu.name}</span>
          {menu.shortcut ? <span className="tb-menu-shortcut">{menu.shortcut}</span> : null}
        </>
      ) : (
        props.label
      )}
    </button>
  );
}

/**
 * A drop-down that runs an action and shows its placeholder again: pick an entry, the action runs
 * with the entry's value (export mode, section keyword, reference target).
 */
function ActionSelect(props: { label: string; placeholder: string; onPick(value: string): void; children: ReactNode }) {
  return (
    <select
      className="tb-select"
      aria-label={props.label}
      value=""
      onChange={(event) => {
        if (event.target.value) props.onPick(event.target.value);
      }}
    >
      <option value="" disabled>
        {props.placeholder}
      </option>
      {props.children}
    </select>
  );
}

/**
 * An ActionSelect whose entries exist only while it has the focus (a click or Tab gives it the
 * focus before its list opens or arrow keys move in it): a thousand entries, each with its item's
 * words, are neither built nor held while the user types in the page.
 */
function LazyActionSelect(props: { label: string; placeholder: string; onPick(value: string): void; options(): ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="tb-lazy-select" onFocus={() => setOpen(true)} onBlur={() => setOpen(false)} onPointerDown={() => setOpen(true)}>
      <ActionSelect label={props.label} placeholder={props.placeholder} onPick={props.onPick}>
        {open ? props.options() : null}
      </ActionSelect>
    </span>
  );
}

function CommandEntry(props: {
  entry: ToolbarEntry;
  context: CommandContext;
  platform: KeyPlatform;
  onCommand(command: CommandId): void;
  inMenu: boolean;
}) {
  const { entry, context, onCommand, platform } = props;
  if (entry.kind === 'button') {
    const { id, place } = entry;
    const accelerator = acceleratorOf(id, platform);
    return (
      <Button
        name={id}
        label={typeof place.label === 'string' ? place.label : place.label(context)}
        title={buttonTitle(id, place, platform)}
        onClick={() => onCommand(id)}
        disabled={!isEnabled(id, context)}
        pressed={place.pressed?.(context)}
        menu={props.inMenu ? { name: entry.name, shortcut: accelerator && shownAccelerator(accelerator, platform) } : undefined}
      />
    );
  }
  const select: { label: string; placeholder?: string; title?: string } = TOOLBAR_SELECTS[entry.select];
  const byValue = new Map(entry.options.map((option) => [optionValue(option), option.id]));
  const run = (value: string) => {
    const id = byValue.get(value);
    if (id) onCommand(id);
  };
  const options = entry.options.map((option) => (
    <option key={option.id} value={optionValue(option)}>
      {option.place.option}
    </option>
  ));
  const current = selectedOption(entry.options, context);
  if (current !== null) {
    return (
      <select
        className="tb-select"
        aria-label={select.label}
        title={select.title}
        value={current}
        onChange={(event) => run(event.target.value)}
      >
        {options}
      </select>
    );
  }
  return (
    <ActionSelect label={select.label} placeholder={select.placeholder ?? select.label} onPick={run}>
      {options}
    </ActionSelect>
  );
}

/** One thing on the toolbar's row: an entry (a button or a drop-down) of a group. */
interface Slot {
  key: string;
  group: string;
  /** A drop-down's name, written beside it in the More menu. */
  caption?: string;
  render(inMenu: boolean): ReactNode;
}

export function Toolbar(props: ToolbarProps) {
  const { context, onCommand } = props;
  const keywords = useMemo(() => languageTable(props.language).keywords, [props.language]);
  const layout = useMemo(() => toolbarLayout(), []);
  const platform = useMemo(() => keyPlatform(), []);
  const entry = (item: ToolbarEntry, group: string): Slot => ({
    key: item.kind === 'button' ? item.id : item.select,
    group,
    ...(item.kind === 'select' ? { caption: TOOLBAR_SELECTS[item.select].label } : {}),
    render: (inMenu) => <CommandEntry entry={item} context={context} platform={platform} onCommand={onCommand} inMenu={inMenu} />,
  });
  /** The drop-downs that take an argument, placed among the commands of their group. */
  const section: Slot = {
    key: 'section',
    group: 'structure',
    caption: 'Insert a section',
    render: () => (
      <ActionSelect
        label="Insert a section"
        placeholder="+ Section…"
        onPick={(value) => {
          const keyword = keywords[Number(value)];
          if (keyword) props.onInsertSection(keyword.kind, keyword.phrase);
        }}
      >
        <optgroup label="Preamble">
          {keywords.map((k, i) =>
            k.kind === 'preamble' ? (
              <option key={k.phrase} value={i}>
                {k.phrase}
              </option>
            ) : null,
          )}
        </optgroup>
        <optgroup label="Operative">
          {keywords.map((k, i) =>
            k.kind === 'operative' ? (
              <option key={k.phrase} value={i}>
                {k.phrase}
              </option>
            ) : null,
          )}
        </optgroup>
      </ActionSelect>
    ),
  };
  const reference: Slot = {
    key: 'reference',
    group: 'structure',
    caption: 'Insert a reference',
    render: () => (
      <LazyActionSelect
        label="Insert a reference to an item"
        placeholder="+ Reference…"
        onPick={props.onInsertReference}
        options={() =>
          props.referenceTargets().map((target) => (
            <option key={target.id} value={target.id}>
              {`${target.section} ${target.label} — ${target.text}`}
            </option>
          ))
        }
      />
    ),
  };
  const language: Slot = {
    key: 'language',
    group: 'tools',
    caption: 'Document language',
    render: () => (
      <select
        className="tb-select"
        aria-label="Document language"
        value={props.language}
        onChange={(event) => props.onLanguage(event.target.value as LanguageCode)}
      >
        {LANGUAGE_CODES.map((code) => (
          <option key={code} value={code}>
            {languageTable(code).name}
          </option>
        ))}
      </select>
    ),
  };
  const slots: Slot[] = layout.flatMap(({ group, entries }) => [
    ...(group === 'tools' ? [language] : []),
    ...entries.flatMap((item) =>
      item.kind === 'button' && item.id === 'insert-footnote' ? [section, reference, entry(item, group)] : [entry(item, group)],
    ),
  ]);
  // The row: the slots, a divider between two groups (its key starts with DIVIDER_KEY).
  const row = slots.flatMap((slot, index) =>
    index > 0 && slots[index - 1]!.group !== slot.group ? [`${DIVIDER_KEY}${slot.group}`, slot] : [slot],
  );
  const fit = useToolbarFit(row.map((item) => (typeof item === 'string' ? item : item.key)));
  const overflow: OverflowItem[] = row
    .slice(fit.shown)
    .filter((item): item is Slot => typeof item !== 'string')
    .map((slot) => ({ key: slot.key, group: slot.group, render: () => inMenu(slot) }));
  return (
    <div className="toolbar" role="toolbar" aria-label="Commands">
      <div className="tb-row" ref={fit.row}>
        {row.slice(0, fit.shown).map((item) =>
          typeof item === 'string' ? (
            <span key={item} className="tb-divider" data-fit-key={item} role="separator" aria-orientation="vertical" />
          ) : (
            <span key={item.key} className="tb-slot" data-fit-key={item.key} data-group={item.group}>
              {item.render(false)}
            </span>
          ),
        )}
      </div>
      {overflow.length > 0 ? <ToolbarOverflow items={overflow} button={fit.more} /> : null}
    </div>
  );
}

/** A slot as an entry of the More menu: a drop-down with its name beside it. */
function inMenu(slot: Slot): ReactNode {
  if (!slot.caption) return slot.render(true);
  return (
    <label className="tb-menu-select">
      <span className="tb-menu-name">{slot.caption}</span>
      {slot.render(true)}
    </label>
  );
}
