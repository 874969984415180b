// The recording tab's marking keys, as the keymap defines them (features/common/keymap.ts,
// scope 'recording'), by physical key (an Arabic keyboard layout gives the same codes): 1-9 give
// the floor to the participant of that rank, D marks a decision being taken, N moves to the next
// agenda item. Only while marking, never with Ctrl, Alt or ⌘, a repeat, in a text field or under
// an open dialog.
import { useEffect } from 'react';
import { actionFor, isTextField } from '../common/keymap.ts';

export interface RecordingKeyActions {
  /** The participant of this rank (0 for key 1) takes the floor; false when there is none. */
  floor(rank: number): boolean;
  decision(): void;
  nextItem(): void;
}

/** Runs the action of a marking key (the keymap's 'recording' scope); true when the key was one. */
function runKey(e: KeyboardEvent, actions: RecordingKeyActions): boolean {
  const key = actionFor('recording', e);
  if (key?.action === 'recFloor') return actions.floor((key.arg ?? 1) - 1);
  if (key?.action === 'recDecision') actions.decision();
  else if (key?.action === 'recNextItem') actions.nextItem();
  else return false;
  return true;
}

export function useRecordingKeys(enabled: boolean, actions: RecordingKeyActions): void {
  const { floor, decision, nextItem } = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || isTextField(document.activeElement)) return;
      if (document.querySelector('dialog[open]')) return;
      if (runKey(e, { floor, decision, nextItem })) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, floor, decision, nextItem]);
}
