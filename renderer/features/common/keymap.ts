// Every key of the app as data: which action it runs, in which part of the page (its scope), and
// the label the help panel shows. The editor, its segment rows, the search bar, the player and
// the recording panel match key presses with `actionFor`; the help panel lists the same entries,
// so it shows exactly the keys that work. Letters, digits and the player's keys are matched on
// the physical key (KeyboardEvent.code), so that they work the same with the Arabic, French
// (AZERTY) and English layouts; keys that are named by what they are (arrows, Enter, Esc, F8, ?)
// on KeyboardEvent.key.
import type { MessageKey } from '../../i18n/messages.ts';

/**
 * Where a key works. player: anywhere on a page with the player, text boxes included (taken in
 * the capture phase); global: the whole meeting page; editor: anywhere in the review editor,
 * except that undo, redo and ? leave text boxes their own; list: a focused segment row; text: a
 * segment's text box; search: the search bar's fields; recording: the recording tab while it
 * records, outside text fields; details: the meeting's details form, outside text fields;
 * library: the list of meetings; summaries: the editor's summaries view (in a summary's text box,
 * only its keys with Ctrl or Alt).
 */
export type KeyScope = 'player' | 'global' | 'editor' | 'list' | 'text' | 'search' | 'recording' | 'details' | 'library' | 'summaries';

/**
 * One key press: a key by its name, a physical key, a digit key of a range (top row or number
 * pad), or a click (listed in the help panel, never matched). Alt only where a chord says so
 * (keys that must also work while typing); Ctrl stands for ⌘ too; `shift` undefined: with or without.
 */
export type Chord = ({ key: string } | { code: string } | { digits: readonly [number, number] } | { click: true }) & {
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** What the action gets from this key: a direction, a number of rows. */
  arg?: number;
};

export interface KeyBinding {
  action: string;
  scope: KeyScope;
  chords: readonly Chord[];
  label: MessageKey;
}

const ROWS_PER_PAGE = 10;

/** In the order the help panel lists them. */
export const keymap = [
  {
    action: 'move',
    scope: 'list',
    label: 'k_select',
    chords: [
      { key: 'ArrowUp', shift: false, arg: -1 },
      { key: 'ArrowDown', shift: false, arg: 1 },
      { key: 'PageUp', shift: false, arg: -ROWS_PER_PAGE },
      { key: 'PageDown', shift: false, arg: ROWS_PER_PAGE },
      { key: 'Home', shift: false, arg: -Infinity },
      { key: 'End', shift: false, arg: Infinity },
    ],
  },
  {
    action: 'extend',
    scope: 'list',
    label: 'k_extend',
    chords: [
      { key: 'ArrowUp', shift: true, arg: -1 },
      { key: 'ArrowDown', shift: true, arg: 1 },
      { key: 'PageUp', shift: true, arg: -ROWS_PER_PAGE },
      { key: 'PageDown', shift: true, arg: ROWS_PER_PAGE },
      { key: 'Home', shift: true, arg: -Infinity },
      { key: 'End', shift: true, arg: Infinity },
    ],
  },
  { action: 'extendClick', scope: 'list', label: 'k_shiftClick', chords: [{ click: true, shift: true }] },
  { action: 'play', scope: 'list', label: 'k_play', chords: [{ key: ' ' }] },
  { action: 'edit', scope: 'list', label: 'k_edit', chords: [{ key: 'Enter' }] },
  { action: 'leave', scope: 'text', label: 'k_leave', chords: [{ key: 'Escape' }] },
  { action: 'speaker', scope: 'list', label: 'k_speaker', chords: [{ digits: [1, 9] }] },
  { action: 'clearSpeaker', scope: 'list', label: 'k_clearSpeaker', chords: [{ digits: [0, 0] }] },
  { action: 'picker', scope: 'list', label: 'k_picker', chords: [{ code: 'KeyP' }] },
  { action: 'split', scope: 'text', label: 'k_split', chords: [{ key: 'Enter', ctrl: true }] },
  { action: 'merge', scope: 'list', label: 'k_merge', chords: [{ code: 'KeyM' }] },
  { action: 'agendaPoint', scope: 'list', label: 'k_agendaPoint', chords: [{ digits: [0, 9], alt: true }] },
  { action: 'decisionFromSelection', scope: 'list', label: 'k_decisionFromSelection', chords: [{ code: 'KeyD', ctrl: true, shift: false }] },
  { action: 'search', scope: 'editor', label: 'k_search', chords: [{ code: 'KeyF', ctrl: true, shift: false }] },
  {
    action: 'nextMatch',
    scope: 'search',
    label: 'k_nextMatch',
    chords: [
      { key: 'Enter', shift: false, arg: 1 },
      { key: 'Enter', shift: true, arg: -1 },
      { key: 'F3', shift: false, arg: 1 },
      { key: 'F3', shift: true, arg: -1 },
    ],
  },
  { action: 'closeSearch', scope: 'search', label: 'k_closeSearch', chords: [{ key: 'Escape' }] },
  {
    action: 'doubtful',
    scope: 'editor',
    label: 'k_doubtful',
    chords: [
      { key: 'F8', shift: false, arg: 1 },
      { key: 'F8', shift: true, arg: -1 },
    ],
  },
  {
    action: 'nextTurn',
    scope: 'editor',
    label: 'k_nextTurn',
    chords: [
      { code: 'KeyT', shift: false, arg: 1 },
      { code: 'KeyT', shift: true, arg: -1 },
    ],
  },
  {
    action: 'nextDecision',
    scope: 'editor',
    label: 'k_nextDecision',
    chords: [
      { code: 'KeyD', shift: false, arg: 1 },
      { code: 'KeyD', shift: true, arg: -1 },
    ],
  },
  { action: 'goToTime', scope: 'editor', label: 'k_goToTime', chords: [{ code: 'KeyG', ctrl: true, shift: false }] },
  { action: 'undo', scope: 'editor', label: 'k_undo', chords: [{ code: 'KeyZ', ctrl: true, shift: false }] },
  {
    action: 'redo',
    scope: 'editor',
    label: 'k_redo',
    chords: [
      { code: 'KeyZ', ctrl: true, shift: true },
      { code: 'KeyY', ctrl: true },
    ],
  },
  { action: 'save', scope: 'global', label: 'k_save', chords: [{ code: 'KeyS', ctrl: true }] },
  { action: 'help', scope: 'editor', label: 'k_help', chords: [{ key: '?' }, { key: '؟' }] },
  { action: 'playerToggle', scope: 'player', label: 'playerPlayPause', chords: [{ code: 'Space', ctrl: true, shift: false }] },
  { action: 'playerBack', scope: 'player', label: 'playerBack', chords: [{ code: 'KeyB', ctrl: true, shift: false }] },
  { action: 'playerFaster', scope: 'player', label: 'playerFaster', chords: [{ code: 'Period', ctrl: true, shift: true }] },
  { action: 'playerSlower', scope: 'player', label: 'playerSlower', chords: [{ code: 'Comma', ctrl: true, shift: true }] },
  { action: 'recFloor', scope: 'recording', label: 'k_recFloor', chords: [{ digits: [1, 9] }] },
  { action: 'recDecision', scope: 'recording', label: 'k_recDecision', chords: [{ code: 'KeyD' }] },
  { action: 'recNextItem', scope: 'recording', label: 'k_recNextItem', chords: [{ code: 'KeyN' }] },
  { action: 'formUndo', scope: 'details', label: 'k_formUndo', chords: [{ code: 'KeyZ', ctrl: true, shift: false }] },
  { action: 'newMeeting', scope: 'library', label: 'newMeeting', chords: [{ code: 'KeyN', ctrl: true }] },
  {
    action: 'sumMove',
    scope: 'summaries',
    label: 'k_sumMove',
    chords: [
      { key: 'ArrowDown', shift: false, alt: true, arg: 1 },
      { key: 'ArrowUp', shift: false, alt: true, arg: -1 },
      { key: 'ArrowDown', shift: false, arg: 1 },
      { key: 'ArrowUp', shift: false, arg: -1 },
    ],
  },
  {
    action: 'sumNextUnchecked',
    scope: 'summaries',
    label: 'k_sumNextUnchecked',
    chords: [
      { key: 'ArrowDown', shift: true, alt: true, arg: 1 },
      { key: 'ArrowUp', shift: true, alt: true, arg: -1 },
    ],
  },
  { action: 'sumAccept', scope: 'summaries', label: 'k_sumAccept', chords: [{ key: 'Enter', ctrl: true }] },
  { action: 'sumEdit', scope: 'summaries', label: 'k_sumEdit', chords: [{ key: 'Enter' }] },
  { action: 'sumReject', scope: 'summaries', label: 'k_sumReject', chords: [{ key: 'Delete', ctrl: true }] },
  { action: 'sumPlay', scope: 'summaries', label: 'k_sumPlay', chords: [{ key: ' ' }, { code: 'KeyP', alt: true }] },
] as const satisfies readonly KeyBinding[];

export type KeyAction = (typeof keymap)[number]['action'];

/** What a key press means in a scope: the action, and the chord's `arg` (or the digit pressed). */
export interface KeyMatch {
  action: KeyAction;
  arg: number | undefined;
}

/** A DOM or React keyboard event (React's has no isComposing). */
type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'> & { isComposing?: boolean };

function digitOf(code: string): number | null {
  const d = /^(?:Digit|Numpad)([0-9])$/.exec(code)?.[1];
  return d === undefined ? null : Number(d);
}

/** The chord's arg, or the digit pressed; null when the press is not this chord. */
function matchChord(c: Chord, e: KeyPress): { arg: number | undefined } | null {
  if (!!c.ctrl !== (e.ctrlKey || e.metaKey) || !!c.alt !== e.altKey) return null;
  if (c.shift !== undefined && c.shift !== e.shiftKey) return null;
  if ('key' in c) return c.key === e.key ? { arg: c.arg } : null;
  if ('code' in c) return c.code === e.code ? { arg: c.arg } : null;
  if ('digits' in c) {
    const d = digitOf(e.code);
    return d !== null && d >= c.digits[0] && d <= c.digits[1] ? { arg: d } : null;
  }
  return null;
}

/** The press is one of the binding's chords: its arg (or the digit pressed), else null. */
export function pressMatches(b: KeyBinding, e: KeyPress): { arg: number | undefined } | null {
  if (e.isComposing) return null;
  for (const c of b.chords) {
    const m = matchChord(c, e);
    if (m) return m;
  }
  return null;
}

/** The action a key press runs in `scope`, or null. */
export function actionFor(scope: KeyScope, e: KeyPress): KeyMatch | null {
  for (const b of keymap) {
    const m = b.scope === scope ? pressMatches(b, e) : null;
    if (m) return { action: b.action, arg: m.arg };
  }
  return null;
}

export function bindingFor(action: KeyAction): KeyBinding {
  return keymap.find((b) => b.action === action)!;
}

const shownKey: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ' ': 'Space', Escape: 'Esc', Period: '.', Comma: ',' };
const ariaKey: Record<string, string> = { ' ': 'Space', Period: '.', Comma: ',' };

function keyName(c: Chord, names: Record<string, string>): string {
  if ('key' in c) return names[c.key] ?? c.key;
  if ('code' in c) return names[c.code] ?? c.code.replace(/^Key/, '');
  if ('digits' in c) return c.digits[0] === c.digits[1] ? String(c.digits[0]) : `${c.digits[0]} … ${c.digits[1]}`;
  return 'Click';
}

/** As the help panel shows a binding's keys: "Ctrl+Shift+Z / Ctrl+Y". */
export function keysText(b: KeyBinding): string {
  return b.chords.map((c) => `${c.ctrl ? 'Ctrl+' : ''}${c.alt ? 'Alt+' : ''}${c.shift ? 'Shift+' : ''}${keyName(c, shownKey)}`).join(' / ');
}

/** For aria-keyshortcuts: "Control+Shift+Z Control+Y". Digit ranges and clicks have no such form. */
export function ariaKeys(action: KeyAction): string {
  return bindingFor(action)
    .chords.filter((c) => 'key' in c || 'code' in c)
    .map((c) => `${c.ctrl ? 'Control+' : ''}${c.alt ? 'Alt+' : ''}${c.shift ? 'Shift+' : ''}${keyName(c, ariaKey)}`)
    .join(' ');
}

/** A key typed in a text field belongs to the field, not to the page's single-key shortcuts. */
export function isTextField(el: Element | null): boolean {
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !['button', 'checkbox', 'radio', 'range'].includes((el as HTMLInputElement).type)));
}
