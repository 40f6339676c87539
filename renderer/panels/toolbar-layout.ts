/**
 * The toolbar's layout, derived from the command registry: its groups in order, each holding the
 * registry's buttons and drop-downs in the registry's order (the entries of one drop-down gathered
 * where its first entry stands).
 */
import {
  COMMANDS,
  TOOLBAR_GROUPS,
  type CommandContext,
  type CommandId,
  type CommandSpec,
  type ToolbarGroup,
  type ToolbarSelect,
} from '../../shared/commands/index.js';

type Toolbar = NonNullable<CommandSpec['toolbar']>;
export type ButtonPlace = Extract<Toolbar, { label: unknown }>;
export type OptionPlace = Extract<Toolbar, { select: unknown }>;

export type ToolbarEntry =
  /** `name`: the command's label in the native menu, which the More menu shows too. */
  | { kind: 'button'; id: CommandId; place: ButtonPlace; name: string }
  | { kind: 'select'; select: ToolbarSelect; options: Array<{ id: CommandId; place: OptionPlace }> };

export function toolbarLayout(): Array<{ group: ToolbarGroup; entries: ToolbarEntry[] }> {
  return TOOLBAR_GROUPS.map((group) => {
    const entries: ToolbarEntry[] = [];
    for (const command of COMMANDS as readonly CommandSpec[]) {
      const place = command.toolbar;
      if (place?.group !== group) continue;
      const id = command.id as CommandId;
      if ('label' in place) {
        entries.push({ kind: 'button', id, place, name: command.label });
        continue;
      }
      const select = entries.find((entry) => entry.kind === 'select' && entry.select === place.select);
      if (select?.kind === 'select') select.options.push({ id, place });
      else entries.push({ kind: 'select', select: place.select, options: [{ id, place }] });
    }
    return { group, entries };
  });
}

/** The value a drop-down's entry carries (what a test or a user picks). */
export function optionValue(option: { id: CommandId; place: OptionPlace }): string {
  return option.place.value ?? option.id;
}

/** The entry a choice drop-down shows as current, or null for an action list. */
export function selectedOption(options: ReadonlyArray<{ id: CommandId; place: OptionPlace }>, context: CommandContext): string | null {
  if (!options.some((option) => option.place.selected)) return null;
  const selected = options.find((option) => option.place.selected?.(context));
  return selected ? optionValue(selected) : null;
}
