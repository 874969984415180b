// The toolbar's speaker picker (key P): the speaker of the selected segments, and a new
// participant added and assigned in one go.
import { useId, useState, type RefObject } from 'react';
import { newId, type Participant, type Segment } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ariaKeys } from '../common/keymap.ts';
import type { EditorT } from './editorText.ts';
import type { EditorCommands } from './useEditorCommands.ts';

export interface SpeakerPickerProps {
  t: EditorT;
  participants: readonly Participant[];
  /** The selected segments. */
  selected: readonly (Segment | undefined)[];
  readOnly: boolean;
  assign(speakerId: string | null): void;
  run: EditorCommands['run'];
  /** The new participant's name field is shown (the list's height depends on it). */
  adding: boolean;
  setAdding(adding: boolean): void;
  pickerRef: RefObject<HTMLSelectElement | null>;
  /** The focus back to the list, where the next key is likely to be typed. */
  backToList(): void;
}

/** The speaker the selected segments share ('__none' when none has one), or '' when they differ. */
function sharedSpeaker(selected: readonly (Segment | undefined)[]): string {
  if (!selected.length) return '';
  const common = selected[0]?.speakerId ?? null;
  return selected.every((s) => (s?.speakerId ?? null) === common) ? (common ?? '__none') : '';
}

/** Esc goes back to the list; the cancel button keeps the focus in the toolbar. */
function AddSpeakerForm({ t, onAdd, onCancel, onEscape }: { t: EditorT; onAdd(name: string): Promise<boolean>; onCancel(): void; onEscape(): void }) {
  const { t: appT } = useI18n();
  const [name, setName] = useState('');
  const submit = async () => {
    if (name.trim() && (await onAdd(name.trim()))) setName('');
  };
  return (
    <form
      className="add-speaker"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input type="text" dir="auto" autoFocus aria-label={t('newSpeakerName')} value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onEscape()} />
      <button type="submit" disabled={!name.trim()}>
        {t('addAndAssign')}
      </button>
      <button type="button" className="subtle" onClick={onCancel}>
        {appT('cancel')}
      </button>
    </form>
  );
}

export function SpeakerPicker(p: SpeakerPickerProps) {
  const { t } = p;
  const uid = useId();
  const n = p.selected.length;
  const addSpeaker = async (name: string): Promise<boolean> => {
    const id = newId('p');
    if ((await p.run({ type: 'addParticipant', participant: { id, name } })) !== 'saved') return false;
    p.setAdding(false);
    p.assign(id);
    p.backToList();
    return true;
  };
  return (
    <>
      <label className="field inline">
        <span id={`${uid}-speaker`}>{n > 1 ? t('speakerFor', { n }) : t('speaker')}</span>
        {/* Named by the span alone: a wrapping label would add the chosen option to the name. */}
        <select
          ref={p.pickerRef}
          aria-labelledby={`${uid}-speaker`}
          value={sharedSpeaker(p.selected)}
          disabled={p.readOnly || !n}
          aria-keyshortcuts={ariaKeys('picker')}
          onChange={(e) => {
            const v = e.target.value;
            if (v === '__add') p.setAdding(true);
            else if (v === '__none') p.assign(null);
            else if (v) p.assign(v);
          }}
        >
          <option value="">{t('chooseSpeaker')}</option>
          {p.participants.map((x, i) => (
            <option key={x.id} value={x.id}>
              {i < 9 ? `${i + 1}. ${x.name}` : x.name}
            </option>
          ))}
          <option value="__none">{t('clearSpeaker')}</option>
          <option value="__add">{t('addSpeaker')}</option>
        </select>
      </label>
      {p.adding && (
        <AddSpeakerForm
          t={t}
          onAdd={addSpeaker}
          onCancel={() => p.setAdding(false)}
          onEscape={() => {
            p.setAdding(false);
            p.backToList();
          }}
        />
      )}
    </>
  );
}
