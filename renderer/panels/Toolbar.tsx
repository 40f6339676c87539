/**
 * The toolbar, laid out from the command registry (shared/ipc/commands.ts; toolbar-layout.ts):
 * file commands, undo/redo, structure inserts, review and tools, each button with the registry's
 * label, tooltip (its shortcut added), enablement and pressed state. Beside the commands, the
 * drop-downs that take an argument: a section with a keyword from the language table, a reference
 * to an item, the document's language. Buttons only send commands; the controller runs them.
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
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

function Button(props: { label: string; title: string; onClick(): void; disabled?: boolean; pressed?: boolean; name?: string }) {
  return (
    <button
      type="button"
      className="tb-button"
      title={props.title}
      aria-label={props.title}
      aria-pressed={props.pressed}
      data-command={props.name}
      disabled={props.disabled}
      // Keep the focus (and the selection) in the document.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.label}
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

function CommandEntry(props: { entry: ToolbarEntry; context: CommandContext; platform: KeyPlatform; onCommand(command: CommandId): void }) {
  const { entry, context, onCommand } = props;
  if (entry.kind === 'button') {
    const { id, place } = entry;
    return (
      <Button
        name={id}
        label={typeof place.label === 'string' ? place.label : place.label(context)}
        title={buttonTitle(id, place, props.platform)}
        onClick={() => onCommand(id)}
        disabled={!isEnabled(id, context)}
        pressed={place.pressed?.(context)}
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

export function Toolbar(props: ToolbarProps) {
  const { context, onCommand } = props;
  const keywords = useMemo(() => languageTable(props.language).keywords, [props.language]);
  const layout = useMemo(() => toolbarLayout(), []);
  const platform = useMemo(() => keyPlatform(), []);
  const entry = (item: ToolbarEntry) => (
    <CommandEntry
      key={item.kind === 'button' ? item.id : item.select}
      entry={item}
      context={context}
      platform={platform}
      onCommand={onCommand}
    />
  );
  /** The drop-downs that take an argument, placed among the commands of their group. */
  const sectionAndReference = (
    <>
      <ActionSelect
        key="section"
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
      <LazyActionSelect
        key="reference"
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
    </>
  );
  const language = (
    <select
      key="language"
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
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Commands">
      {layout.map(({ group, entries }) => (
        <div key={group} className="tb-group" {...(group === 'review' ? { role: 'group', 'aria-label': 'Review' } : {})}>
          {group === 'tools' ? language : null}
          {entries.map((item) =>
            group === 'structure' && item.kind === 'button' && item.id === 'insert-footnote' ? (
              <Fragment key="before-footnote">
                {sectionAndReference}
                {entry(item)}
              </Fragment>
            ) : (
              entry(item)
            ),
          )}
        </div>
      ))}
    </div>
  );
}
