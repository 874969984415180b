// The focused segment's start and end in the toolbar, in seconds: typed, and sent as one setTimes
// command when the field is left or Enter is pressed.
import { useState } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import type { EditorT } from './editorText.ts';
import type { EditorCommands } from './useEditorCommands.ts';

function TimeField({ label, value, readOnly, onChange, onCommit }: { label: string; value: string; readOnly: boolean; onChange(v: string): void; onCommit(): void }) {
  return (
    <label className="field inline time-field">
      <span>{label}</span>
      <input type="number" dir="ltr" step={0.1} min={0} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} onBlur={onCommit} onKeyDown={(e) => e.key === 'Enter' && onCommit()} />
    </label>
  );
}

export function SegmentTimes({ t, active, readOnly, run }: { t: EditorT; active: Segment; readOnly: boolean; run: EditorCommands['run'] }) {
  // What is typed, for the segment it was typed for; the segment's own times otherwise.
  const [typed, setTyped] = useState<{ id: string; start: string; end: string } | null>(null);
  const shown = typed && typed.id === active.id ? typed : { id: active.id, start: String(active.start), end: String(active.end) };
  const commit = () => {
    const start = Number(shown.start);
    const end = Number(shown.end);
    setTyped(null);
    if (!Number.isFinite(start) || !Number.isFinite(end) || (start === active.start && end === active.end)) return;
    void run({ type: 'setTimes', segmentId: active.id, start, end });
  };
  return (
    <>
      <TimeField label={t('start')} value={shown.start} readOnly={readOnly} onChange={(start) => setTyped({ ...shown, start })} onCommit={commit} />
      <TimeField label={t('end')} value={shown.end} readOnly={readOnly} onChange={(end) => setTyped({ ...shown, end })} onCommit={commit} />
    </>
  );
}
