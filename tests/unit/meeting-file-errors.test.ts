// A refused meeting.json says which field breaks which rule, in the user's language, and points
// at the last good copy of the meeting (the latest approved revision), not at the file it refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeetingArchive } from '../../main/archive/archive.ts';
import { errorText, MahdarError } from '../../shared/errors.ts';

let root: string;
let archive: MeetingArchive;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'mahdar-meeting-file-'));
  archive = new MeetingArchive(root);
  await archive.init();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function refusal(id: string): Promise<MahdarError> {
  const err = await archive.read(id).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof MahdarError)) throw new Error(`expected a MahdarError, got ${String(err)}`);
  return err;
}
const texts = (err: MahdarError) => ({ ar: errorText(err, 'ar'), fr: errorText(err, 'fr'), en: errorText(err, 'en') });

/** A meeting whose meeting.json is replaced by `change` applied to the good one. */
async function damaged(change: (good: Record<string, unknown>) => Record<string, unknown>) {
  const m = await archive.create({ title: 'لجنة التتبع' });
  const dir = join(root, 'meetings', m.id);
  const file = join(dir, 'meeting.json');
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, JSON.stringify(change(JSON.parse(good))));
  return { id: m.id, dir, file, good };
}

describe('a refused meeting.json', () => {
  it('names an unknown field, in each language', async () => {
    const { id, file } = await damaged((m) => ({ ...m, couleur: 'rouge' }));
    const err = await refusal(id);
    expect(err.code).toBe('meeting.malformed');
    expect(err.params).toMatchObject({ field: 'couleur', rule: 'unknown', lastGood: '' });
    const t = texts(err);
    expect(t.ar).toContain('الحقل «couleur» غير معروف في هذا الإصدار من محضر');
    expect(t.fr).toContain('le champ « couleur » est inconnu de cette version de Mahdar');
    expect(t.en).toContain('the field “couleur” is unknown to this version of Mahdar');
    // It names the refused file as left untouched, never as where to recover the meeting from.
    expect(t.en).toContain(`It was left untouched (${file})`);
    expect(t.en).not.toContain('recovered');
    expect(t.en).toContain('No earlier good version of it is kept.');
  });

  it('names an invalid field by its path and the rule it breaks', async () => {
    const { id } = await damaged((m) => ({ ...m, participants: [{ id: 'p-1', name: 'ن'.repeat(301), role: '' }] }));
    const err = await refusal(id);
    expect(err.params).toMatchObject({ field: 'participants[0].name', rule: 'tooLong', limit: 300 });
    expect(texts(err).ar).toContain('الحقل «participants[0].name» أطول من 300 حرفا');

    const typed = await damaged((m) => ({ ...m, title: 42 }));
    const t = texts(await refusal(typed.id));
    expect(t.fr).toContain('le champ « title » doit être un texte');
    expect(t.en).toContain('the field “title” must be text');

    const chosen = await damaged((m) => ({ ...m, language: 'es' }));
    expect(texts(await refusal(chosen.id)).en).toContain('the field “language” is not an accepted value (ar | fr | en)');
  });

  it('points at the last approved copy that still reads', async () => {
    const { id, dir, good } = await damaged((m) => ({ ...m, couleur: 'rouge' }));
    mkdirSync(join(dir, 'revisions', 'r1'), { recursive: true });
    mkdirSync(join(dir, 'revisions', 'r2'), { recursive: true });
    writeFileSync(join(dir, 'revisions', 'r1', 'meeting.json'), good);
    writeFileSync(join(dir, 'revisions', 'r2', 'meeting.json'), '{"schemaVersion": 1, "title": "نصف');
    const err = await refusal(id);
    const copy = join(dir, 'revisions', 'r1', 'meeting.json');
    expect(err.params.lastGood).toBe(copy);
    expect(texts(err).ar).toContain(`آخر نسخة سليمة منه: ${copy}`);
    expect(texts(err).fr).toContain(`Dernière version valide : ${copy}`);
  });

  it('says a truncated file is not JSON, and leaves it as it is', async () => {
    const m = await archive.create({ title: 'x' });
    const file = join(root, 'meetings', m.id, 'meeting.json');
    writeFileSync(file, '{"schemaVersion": 1, "title": "نصف ملف');
    const err = await refusal(m.id);
    expect(err.params.rule).toBe('json');
    expect(texts(err).ar).toContain('تالف ولا يمكن قراءته: ليس JSON سليما');
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 1, "title": "نصف ملف');
  });
});
