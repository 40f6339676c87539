/** React's view of the controller: its state, re-rendered when it changes. */
import { useSyncExternalStore } from 'react';
import type { AppController, ControllerState } from './controller.js';

export function useControllerState(controller: AppController): ControllerState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
