// The keymap (renderer/features/common/keymap.ts) is what the editor, the player, the search bar
// and the recording panel match keys with, and what the editor's help panel lists.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionFor, ariaKeys, keymap, keysText, pressMatches, type Chord, type KeyBinding, type KeyScope } from '../../renderer/features/common/keymap.ts';
import { messages } from '../../renderer/i18n/messages.ts';

type Press = Parameters<typeof actionFor>[1];
const press = (p: Partial<Press>): Press => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...p });

/** Every concrete key press a chord stands for (both Shift states when it takes either). */
function pressesOf(c: Chord): Press[] {
  const shifts = c.shift === undefined ? [false, true] : [c.shift];
  const keys: Partial<Press>[] = 'key' in c ? [{ key: c.key }] : 'code' in c ? [{ code: c.code }] : 'digits' in c ? Array.from({ length: c.digits[1] - c.digits[0] + 1 }, (_, i) => ({ code: `Digit${c.digits[0] + i}` })) : [];
  return keys.flatMap((k) => shifts.map((shiftKey) => press({ ...k, shiftKey, ctrlKey: !!c.ctrl, altKey: !!c.alt })));
}

const scopes = [...new Set(keymap.map((b) => b.scope))] as KeyScope[];

describe('keymap', () => {
  it('binds no key to two actions in one scope', () => {
    for (const scope of scopes) {
      const inScope: readonly KeyBinding[] = keymap.filter((b) => b.scope === scope);
      for (const b of inScope)
        for (const p of b.chords.flatMap(pressesOf)) {
          const taken = inScope.filter((other) => pressMatches(other, p)).map((o) => o.action);
          expect(taken, `${scope}: ${JSON.stringify(p)}`).toEqual([b.action]);
        }
    }
  });

  it('gives the player no key that the editor, its list, text boxes or search also use (the player takes its keys first)', () => {
    const editorScopes: KeyScope[] = ['global', 'editor', 'list', 'text', 'search', 'summaries'];
    for (const b of keymap.filter((x) => x.scope === 'player'))
      for (const p of b.chords.flatMap(pressesOf)) for (const scope of editorScopes) expect(actionFor(scope, p), `${b.action} in ${scope}`).toBeNull();
  });

  it('matches presses as the editor and the recording panel expect', () => {
    expect(actionFor('list', press({ key: 'ArrowDown', shiftKey: true }))).toEqual({ action: 'extend', arg: 1 });
    expect(actionFor('list', press({ key: 'PageUp' }))).toEqual({ action: 'move', arg: -10 });
    expect(actionFor('list', press({ key: 'End' }))).toEqual({ action: 'move', arg: Infinity });
    // Digits by physical key: AZERTY types them with Shift, the number pad too.
    expect(actionFor('list', press({ code: 'Digit3', key: '"', shiftKey: true }))).toEqual({ action: 'speaker', arg: 3 });
    expect(actionFor('list', press({ code: 'Numpad0', key: '0' }))).toEqual({ action: 'clearSpeaker', arg: 0 });
    expect(actionFor('recording', press({ code: 'Digit9', key: '9' }))).toEqual({ action: 'recFloor', arg: 9 });
    expect(actionFor('recording', press({ code: 'KeyD', key: 'ي' }))?.action).toBe('recDecision');
    expect(actionFor('editor', press({ code: 'KeyZ', key: 'z', ctrlKey: true, shiftKey: true }))?.action).toBe('redo');
    expect(actionFor('editor', press({ code: 'KeyZ', key: 'z', metaKey: true }))?.action).toBe('undo');
    expect(actionFor('global', press({ code: 'KeyS', key: 's', ctrlKey: true }))?.action).toBe('save');
    expect(actionFor('editor', press({ key: '؟', shiftKey: true }))?.action).toBe('help');
    // Ctrl changes a list key into none, Alt any key; a key typed while composing belongs to the input method.
    expect(actionFor('list', press({ code: 'KeyM', key: 'm', ctrlKey: true }))).toBeNull();
    expect(actionFor('editor', press({ code: 'KeyZ', key: 'z', ctrlKey: true, altKey: true }))).toBeNull();
    expect(actionFor('player', press({ code: 'Space', key: ' ', ctrlKey: true, isComposing: true }))).toBeNull();
    // The summaries view: Alt only where a chord asks for it (keys that also work while typing).
    expect(actionFor('summaries', press({ key: 'ArrowDown', altKey: true }))).toEqual({ action: 'sumMove', arg: 1 });
    expect(actionFor('summaries', press({ key: 'ArrowUp' }))).toEqual({ action: 'sumMove', arg: -1 });
    expect(actionFor('summaries', press({ key: 'ArrowDown', altKey: true, shiftKey: true }))).toEqual({ action: 'sumNextUnchecked', arg: 1 });
    expect(actionFor('summaries', press({ key: 'Enter', ctrlKey: true }))?.action).toBe('sumAccept');
    expect(actionFor('summaries', press({ key: 'Enter', altKey: true }))).toBeNull();
    expect(actionFor('summaries', press({ code: 'KeyP', key: 'ح', altKey: true }))?.action).toBe('sumPlay');
    expect(actionFor('summaries', press({ code: 'KeyP', key: 'p' }))).toBeNull();
  });

  it('writes the keys for people and for aria-keyshortcuts', () => {
    const redo = keymap.find((b) => b.action === 'redo')!;
    expect(keysText(redo)).toBe('Ctrl+Shift+Z / Ctrl+Y');
    expect(ariaKeys('redo')).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeys('playerFaster')).toBe('Control+Shift+.');
    expect(ariaKeys('doubtful')).toBe('F8 Shift+F8');
    expect(keysText(keymap.find((b) => b.action === 'sumNextUnchecked')!)).toBe('Alt+Shift+↓ / Alt+Shift+↑');
    expect(ariaKeys('sumPlay')).toBe('Space Alt+P');
  });

  it('has a label in every language for every entry', () => {
    for (const lang of ['ar', 'fr', 'en'] as const) for (const b of keymap) expect(messages[lang][b.label], `${lang} ${b.label}`).toBeTruthy();
  });
});

describe('HelpPanel', () => {
  let html: string;
  beforeAll(async () => {
    // The renderer reads its language from localStorage and talks through window.mahdarBridge;
    // the panel remembers document.activeElement to give the focus back.
    Object.assign(globalThis, {
      localStorage: { getItem: () => 'en', setItem: () => undefined },
      window: { mahdarBridge: { call: async () => ({ ok: false }), onEvent: () => () => undefined, download: () => undefined } },
      document: { activeElement: null },
      HTMLElement: class {},
    });
    const { I18nProvider } = await import('../../renderer/i18n/I18nContext.tsx');
    const { HelpPanel, EDITOR_HELP_SCOPES } = await import('../../renderer/features/editor/HelpPanel.tsx');
    expect(EDITOR_HELP_SCOPES).toEqual(['global', 'editor', 'list', 'text', 'search', 'summaries', 'player']);
    html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(HelpPanel, { t: (k: string) => k, onClose: () => undefined })));
  });

  const rows = () => [...html.matchAll(/<kbd[^>]*>([^<]*)<\/kbd><\/th><td>([^<]*)<\/td>/g)].map((m) => ({ keys: m[1]!.replace(/&#x27;/g, "'"), label: m[2]!.replace(/&#x27;/g, "'") }));

  it('lists every key of the editor, its list, text boxes, search and summaries view, the page and the player, with its label', () => {
    const shown = keymap.filter((b) => !['recording', 'details', 'library'].includes(b.scope)).map((b) => ({ keys: keysText(b), label: messages.en[b.label] }));
    expect(rows()).toEqual(shown);
  });

  it('shows the keys that were once left out of it: PageUp/PageDown and Ctrl+S', () => {
    const keys = rows().map((r) => r.keys).join(' ');
    expect(keys).toContain('PageDown');
    expect(keys).toContain('Shift+PageUp');
    expect(keys).toContain('Ctrl+S');
  });
});
