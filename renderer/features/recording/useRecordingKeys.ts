// The recording tab's marking keys, by physical key (an Arabic keyboard layout gives the same
// codes): 1-9 give the floor to the participant of that rank, D marks a decision being taken, N
// moves to the next agenda item. Only while marking, never with a modifier, a repeat, in a text
// field or under an open dialog.
import { useEffect } from 'react';

export interface RecordingKeyActions {
  /** The participant of this rank (0 for key 1) takes the floor; false when there is none. */
  floor(rank: number): boolean;
  decision(): void;
  nextItem(): void;
}

/** The keys as KeyboardEvent.code: digits on the main row or the keypad. */
export const recordingKeys = { floor: /^(?:Digit|Numpad)([1-9])$/, decision: 'KeyD', nextItem: 'KeyN' } as const;

function isTextField(el: Element | null): boolean {
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !['button', 'checkbox', 'radio'].includes((el as HTMLInputElement).type)));
}

/** Runs the action of a marking key; true when the key was one (its default is then prevented). */
function runKey(e: KeyboardEvent, actions: RecordingKeyActions): boolean {
  const digit = recordingKeys.floor.exec(e.code)?.[1];
  if (digit) return actions.floor(Number(digit) - 1);
  if (e.code === recordingKeys.decision) actions.decision();
  else if (e.code === recordingKeys.nextItem) actions.nextItem();
  else return false;
  return true;
}

export function useRecordingKeys(enabled: boolean, actions: RecordingKeyActions): void {
  const { floor, decision, nextItem } = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTextField(document.activeElement)) return;
      if (document.querySelector('dialog[open]')) return;
      if (runKey(e, { floor, decision, nextItem })) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, floor, decision, nextItem]);
}
