// The editor's side of the journaled edit commands (shared/edits.ts, main/archive/journal.ts):
// one queue, so that every command is sent on the version the previous one produced; the
// answer's restore patch applied to the editor's copy of the meeting; undo/redo availability
// from the journal (so it survives a reload); conflicts and other windows' changes refetched.
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { applyEdit, type EditInput, type EditResult, type RestoreEdit } from '../../../shared/edits.ts';
import { ApiError, callOnLeave, client } from '../../api/client.ts';

export type SaveOutcome = 'saved' | 'retry' | 'dropped';
export type MeetingUpdate = (update: Meeting | ((prev: Meeting) => Meeting)) => void;

export interface Edits {
  /**
   * Sends one command after those already queued. setText and the summary commands are retried
   * once after a conflict (RETRIED_ON_CONFLICT).
   * A refusal is shown in the editor, or with `rethrow` thrown to the caller (a panel showing it itself).
   */
  apply(edit: EditInput, opts?: { rethrow?: boolean }): Promise<SaveOutcome>;
  /**
   * Sends one command at once, outside the queue, so that it outlives the page (closed,
   * reloaded): a queued command waits for the answers of those before it, which a closing page
   * never gets. Its base assumes each command in flight moves the version by one; when one does
   * not, it is refused as a conflict and 'retry' tells the caller to save it again.
   */
  applyOnLeave(edit: EditInput): Promise<SaveOutcome>;
  /** `onSaved` gets the patch the step applied (which segments it changed). */
  undo(onSaved?: (changes: RestoreEdit) => void): Promise<SaveOutcome>;
  redo(onSaved?: (changes: RestoreEdit) => void): Promise<SaveOutcome>;
  canUndo: boolean;
  canRedo: boolean;
  /** Commands sent and not answered yet. */
  pending: number;
  /** Resolves once every command queued so far is answered. */
  idle(): Promise<void>;
  /** The version the next command will be sent on. */
  version(): number;
  /** Takes in the answer of a command sent by someone else on `base` (the re-transcription dialog). */
  accept(base: number, result: EditResult): void;
}

/**
 * Commands that mean the same on a newer version of the meeting: one text replaced, one summary
 * written, accepted or removed. They are sent once more after a conflict, so that typing or
 * reviewing summaries goes on while the app saves segments or drafts on the same meeting.
 */
const RETRIED_ON_CONFLICT: ReadonlySet<EditInput['type']> = new Set(['setText', 'writeSummary', 'acceptSummary', 'deleteSummary']);
const isConflict = (e: unknown) => e instanceof ApiError && e.payload.code === 'edit.conflict';
/** The server did not answer (stopped, restarting): the same command may be sent again later. */
const isTransient = (e: unknown) => !(e instanceof ApiError) || e.payload.code === 'internal' || e.payload.code === 'disk.full';

type History = { canUndo: boolean; canRedo: boolean };
type Report = (err: unknown, kind: 'conflict' | 'error') => void;

/**
 * One queue: every command is sent on the version the previous one produced. A conflict
 * refetches the meeting; setText is then sent once more on the new version.
 */
function useEditQueue(version: MutableRefObject<number>, accept: Edits['accept'], reload: () => Promise<void>, report: Report) {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  const pendingRef = useRef(0);
  const enqueue = useCallback(
    (send: (base: number) => Promise<EditResult>, retryOnConflict: boolean, rethrow = false, onSaved?: (changes: RestoreEdit) => void): Promise<SaveOutcome> => {
      pendingRef.current += 1;
      setPending(pendingRef.current);
      const run = async (): Promise<SaveOutcome> => {
        for (let attempt = 0; ; attempt++) {
          const base = version.current;
          try {
            const r = await send(base);
            accept(base, r);
            onSaved?.(r.changes);
            return 'saved';
          } catch (e) {
            if (isConflict(e)) {
              await reload().catch(() => undefined);
              if (retryOnConflict && attempt === 0) continue;
              if (rethrow) throw e;
              report(e, 'conflict');
              return 'dropped';
            }
            if (rethrow) throw e;
            report(e, 'error');
            return isTransient(e) ? 'retry' : 'dropped';
          }
        }
      };
      const p = chain.current.then(run, run).finally(() => {
        pendingRef.current -= 1;
        setPending(pendingRef.current);
      });
      chain.current = p;
      return p;
    },
    [version, accept, reload, report],
  );
  const idle = useCallback(() => chain.current.then(() => undefined, () => undefined), []);
  return { enqueue, pending, pendingRef, idle };
}

/**
 * Undo and redo come from the journal: available on opening, and after a reload of the page.
 * Every command announces a 'meeting' event, ours included: ask only for the version (cheap),
 * and fetch the meeting when it differs from ours while nothing of ours is in flight. After a
 * reconnection, events may have been missed: the same check.
 */
function useJournalSync(meetingId: string, version: MutableRefObject<number>, pendingRef: MutableRefObject<number>, setHistory: (h: History) => void, reload: () => Promise<void>, reconnections: number) {
  useEffect(() => {
    client.api
      .getEditState({ meetingId })
      .then((s) => {
        setHistory({ canUndo: s.canUndo, canRedo: s.canRedo });
        if (s.version !== version.current && pendingRef.current === 0) void reload().catch(() => undefined);
      })
      .catch(() => undefined);
  }, [meetingId, reload]);

  const check = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleCheck = useCallback(() => {
    if (check.current) clearTimeout(check.current);
    check.current = setTimeout(() => {
      check.current = null;
      if (pendingRef.current > 0) return scheduleCheck();
      client.api
        .getEditState({ meetingId })
        .then((s) => {
          if (pendingRef.current > 0) return scheduleCheck();
          setHistory({ canUndo: s.canUndo, canRedo: s.canRedo });
          if (s.version !== version.current) void reload().catch(() => undefined);
        })
        .catch(() => undefined);
    }, 150);
  }, [meetingId, reload]);
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'meeting' && e.meetingId === meetingId) scheduleCheck();
      }),
    [meetingId, scheduleCheck],
  );
  useEffect(() => {
    if (reconnections > 0) scheduleCheck();
  }, [reconnections, scheduleCheck]);
  useEffect(() => () => {
    if (check.current) clearTimeout(check.current);
  }, []);
}

export function useEdits(meeting: Meeting, onMeeting: MeetingUpdate, report: Report, reconnections: number): Edits {
  const meetingId = meeting.id;
  const version = useRef(meeting.version ?? 0);
  const [history, setHistory] = useState<History>({ canUndo: false, canRedo: false });

  // A newer copy from a refetch moves the base forward.
  useEffect(() => {
    if ((meeting.version ?? 0) > version.current) version.current = meeting.version ?? 0;
  }, [meeting.version]);

  const reload = useCallback(async () => {
    const [m, state] = await Promise.all([client.api.getMeeting({ id: meetingId }), client.api.getEditState({ meetingId })]);
    version.current = m.version ?? 0;
    onMeeting(m);
    setHistory({ canUndo: state.canUndo, canRedo: state.canRedo });
  }, [meetingId, onMeeting]);

  const accept = useCallback(
    (base: number, r: EditResult) => {
      version.current = r.version;
      setHistory({ canUndo: r.canUndo, canRedo: r.canRedo });
      let broken = false;
      onMeeting((prev) => {
        // A refetch already brought this version (or a later one).
        if ((prev.version ?? 0) !== base) return prev;
        try {
          return { ...applyEdit(prev, r.changes).meeting, version: r.version };
        } catch {
          broken = true;
          return prev;
        }
      });
      if (broken) void reload().catch(() => undefined);
    },
    [onMeeting, reload],
  );

  const { enqueue, pending, pendingRef, idle } = useEditQueue(version, accept, reload, report);
  useJournalSync(meetingId, version, pendingRef, setHistory, reload, reconnections);

  const apply = useCallback(
    (edit: EditInput, opts?: { rethrow?: boolean }) =>
      enqueue((baseVersion) => client.api.applyEdit({ meetingId, baseVersion, edit }), RETRIED_ON_CONFLICT.has(edit.type), opts?.rethrow),
    [enqueue, meetingId],
  );
  const undo = useCallback(
    (onSaved?: (changes: RestoreEdit) => void) => enqueue((baseVersion) => client.api.undoEdit({ meetingId, baseVersion }), false, false, onSaved),
    [enqueue, meetingId],
  );
  const redo = useCallback(
    (onSaved?: (changes: RestoreEdit) => void) => enqueue((baseVersion) => client.api.redoEdit({ meetingId, baseVersion }), false, false, onSaved),
    [enqueue, meetingId],
  );
  const applyOnLeave = useCallback(
    async (edit: EditInput): Promise<SaveOutcome> => {
      const inFlight = pendingRef.current;
      const base = version.current + inFlight;
      try {
        const r = await callOnLeave('applyEdit', { meetingId, baseVersion: base, edit });
        // With commands in flight, their answers set the version; the 'meeting' event's check
        // then fetches the meeting if it is still behind.
        if (inFlight === 0 && pendingRef.current === 0) accept(base, r);
        return 'saved';
      } catch {
        return 'retry';
      }
    },
    [accept, meetingId],
  );

  const current = useCallback(() => version.current, []);
  return { apply, applyOnLeave, undo, redo, canUndo: history.canUndo, canRedo: history.canRedo, pending, idle, version: current, accept };
}
