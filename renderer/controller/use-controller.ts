/** React's view of the controller: its state, re-rendered when it changes. */
import { useSyncExternalStore } from 'react';
import type { CommandContext } from '../../shared/commands/index.js';
import type { AppController, ControllerState } from './controller.js';

export function useControllerState(controller: AppController): ControllerState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}

/** What the toolbar's commands read of the window: undo/redo and tracking from the editor, the panels and the view from the controller. */
export function commandContext(snapshot: Pick<CommandContext, 'canUndo' | 'canRedo' | 'tracking'>, state: ControllerState): CommandContext {
  const { canUndo, canRedo, tracking } = snapshot;
  return {
    canUndo,
    canRedo,
    tracking,
    changesVisible: state.changesVisible,
    outlineVisible: state.outlineVisible,
    reviewView: state.reviewView,
  };
}
