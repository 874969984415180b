// Issue 13's last pieces, on the minutes model: the names of those who voted for, against and
// abstaining where the meeting type records them (a council session, not a consultation), with
// counts that cannot disagree with the names; agreements with their signatories; the annexes in
// the closing; attendance words that agree with the person; meeting.json files without any of it
// still loading as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { meetingIntegrityIssues, meetingSchema, type Decision, type Meeting } from '../../shared/domain.ts';
import { applyEdit, editSchema, type EditInput } from '../../shared/edits.ts';
import { errorText, MahdarError } from '../../shared/errors.ts';
import { approvalCheck } from '../../shared/minutes/approval.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { agree, minutesLabels } from '../../shared/minutes/labels.ts';
import type { MinutesBlock, MinutesModel } from '../../shared/minutes/model.ts';
import { minutesTemplates } from '../../shared/minutes/template.ts';

const root = join(import.meta.dirname, '../..');
const sampleJson = JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8'));
const sample: Meeting = meetingSchema.parse(sampleJson);

const decisionsTable = (m: MinutesModel) =>
  m.sections.find((s) => s.id === 'decisions')!.blocks.find((b): b is Extract<MinutesBlock, { kind: 'table' }> => b.kind === 'table')!;
/** The text cells, no-break spaces (between an honorific and its name) read as spaces. */
/** The text cells, with plain spaces and without the marks around Arabic names in French and English. */
const cells = (m: MinutesModel) => decisionsTable(m).rows.map((r) => r[2]!.replace(/\u00A0/g, ' ').replace(/\u200E/g, ''));
const closing = (m: MinutesModel) => m.sections.find((s) => s.id === 'closing')!.blocks;

/** A nominal vote: three for, one against, one abstaining (of unknown gender: no honorific). */
const nominal: Decision = {
  ...sample.decisions[0]!,
  vote: {
    kind: 'counts',
    for: 3,
    against: 1,
    abstain: 1,
    // Picked out of order: the minutes follow the attendance sheet.
    voters: { for: ['p-tazi', 'p-alami', 'p-bennani'], against: ['p-ouazzani'], abstain: ['p-amrani'] },
  },
};
const agreement: Decision = {
  id: 'd-04',
  kind: 'agreement',
  text: 'اتفاقية شراكة لتمويل ربط الجماعات القروية بالألياف البصرية.',
  segmentIds: [],
  owner: '',
  deadline: '',
  signatories: [{ participantId: 'p-alami', capacity: 'عن ولاية الجهة' }, { participantId: 'p-bennani' }],
};
const council: Meeting = { ...sample, type: 'council', decisions: [nominal, sample.decisions[1]!, agreement] };
const consultation: Meeting = { ...council, type: 'consultation' };

describe('nominal votes, per meeting template', () => {
  it('the council template records names; the consultation does not', () => {
    expect(minutesTemplates.council.nominalVotes).toBe(true);
    expect(minutesTemplates.consultation.nominalVotes).toBe(false);
  });

  it('prints the names under the counts in a council session, in the order of the attendance sheet (Arabic)', () => {
    expect(cells(buildMinutes(council, 'ar'))[0]).toBe(
      [
        nominal.text,
        'الموافقون: 3، المعارضون: 1، الممتنعون: 1',
        'صوت بالموافقة كل من: السيد محمد العلمي، السيدة فاطمة الزهراء بناني، السيد يوسف التازي',
        'صوت بالرفض: السيد عبد الرحيم الوزاني',
        'امتنع عن التصويت: سعاد العمراني',
      ].join('\n'),
    );
  });

  it('binds each honorific to its name, so that a list never breaks a line between them', () => {
    expect(decisionsTable(buildMinutes(council, 'fr')).rows[0]![2]).toContain('Mme\u00A0\u200Eفاطمة الزهراء بناني\u200E');
    expect(decisionsTable(buildMinutes(council, 'ar')).rows[0]![2]).toContain('السيدة\u00A0فاطمة الزهراء بناني');
  });

  it('writes the names in French and English, agreeing with the voters', () => {
    expect(cells(buildMinutes(council, 'fr'))[0]!.split('\n').slice(1)).toEqual([
      'Pour : 3, contre : 1, abstentions : 1',
      'Ont voté pour : M. محمد العلمي, Mme فاطمة الزهراء بناني, M. يوسف التازي',
      'A voté contre : M. عبد الرحيم الوزاني',
      'S’est abstenu(e) : سعاد العمراني',
    ]);
    expect(cells(buildMinutes(council, 'en'))[0]!.split('\n').slice(2)).toEqual([
      'Voted for: Mr محمد العلمي, Ms فاطمة الزهراء بناني, Mr يوسف التازي',
      'Voted against: Mr عبد الرحيم الوزاني',
      'Abstained: سعاد العمراني',
    ]);
    const L = minutesLabels.fr;
    expect(L.voterNames('abstain', ['Mme A'], ['f'])).toBe('S’est abstenue\u00A0: Mme A');
    expect(L.voterNames('abstain', ['Mme A', 'Mme B'], ['f', 'f'])).toBe('Se sont abstenues\u00A0: Mme A, Mme B');
    expect(L.voterNames('abstain', ['Mme A', 'M. B'], ['f', 'm'])).toBe('Se sont abstenus\u00A0: Mme A, M. B');
    expect(minutesLabels.ar.voterNames('against', ['السيدة أ'], ['f'])).toBe('صوتت بالرفض: السيدة أ');
  });

  it('prints only the counts in a consultation, whose template records no names', () => {
    expect(cells(buildMinutes(consultation, 'ar'))[0]).toBe(`${nominal.text}\nالموافقون: 3، المعارضون: 1، الممتنعون: 1`);
  });

  it('prints no line for a side nobody voted on, and nothing at all without a vote', () => {
    const oneSide: Meeting = {
      ...council,
      decisions: [{ ...nominal, vote: { kind: 'counts', for: 2, against: 0, abstain: 0, voters: { for: ['p-alami', 'p-tazi'], against: [], abstain: [] } } }],
    };
    expect(cells(buildMinutes(oneSide, 'ar'))[0]!.split('\n')).toEqual([
      nominal.text,
      'الموافقون: 2، المعارضون: 0، الممتنعون: 0',
      'صوت بالموافقة كل من: السيد محمد العلمي، السيد يوسف التازي',
    ]);
    expect(cells(buildMinutes({ ...council, decisions: [{ ...nominal, vote: null }] }, 'ar'))[0]).toBe(nominal.text);
  });
});

describe('counts stay consistent with names', () => {
  const edit = (m: Meeting, e: EditInput) => applyEdit(m, editSchema.parse(e));
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return 'none';
    } catch (err) {
      return err instanceof MahdarError ? err.code : String(err);
    }
  };
  const base: Meeting = { ...council, decisions: [] };
  const create = (vote: unknown, extra: object = {}): EditInput =>
    ({ type: 'createDecision', decision: { kind: 'decision', text: 'قرار', vote, ...extra } }) as EditInput;

  it('accepts a nominal vote whose counts are its numbers of names', () => {
    const out = edit(base, create(nominal.vote));
    expect(out.meeting.decisions[0]!.vote).toEqual(nominal.vote);
  });

  it('refuses counts that differ from the names, with a message that says which side, in three languages', () => {
    const wrong = { ...nominal.vote, for: 12 };
    let caught: unknown;
    try {
      edit(base, create(wrong));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MahdarError);
    const err = caught as MahdarError;
    expect(err.code).toBe('edit.voteCountMismatch');
    expect(err.params).toMatchObject({ side: 'for', count: 12, names: 3 });
    expect(errorText(err, 'ar')).toContain('عدد الموافقين (12) لا يطابق عدد الأسماء المختارة (3)');
    expect(errorText(err, 'fr')).toContain('Le nombre de voix pour (12) ne correspond pas au nombre de noms choisis (3)');
    expect(errorText(err, 'en')).toContain('The number for (12) does not match the names chosen (3)');
  });

  it('refuses a voter named twice, one who is not a participant, and one recorded absent', () => {
    const twice = { kind: 'counts', for: 1, against: 1, abstain: 0, voters: { for: ['p-alami'], against: ['p-alami'], abstain: [] } };
    expect(codeOf(() => edit(base, create(twice)))).toBe('edit.voterTwice');
    const stranger = { kind: 'counts', for: 1, against: 0, abstain: 0, voters: { for: ['p-nobody'], against: [], abstain: [] } };
    expect(codeOf(() => edit(base, create(stranger)))).toBe('edit.unknownParticipant');
    const absent: Meeting = { ...base, participants: base.participants.map((p) => (p.id === 'p-tazi' ? { ...p, attendance: 'absent' } : p)) };
    const byAbsent = { kind: 'counts', for: 1, against: 0, abstain: 0, voters: { for: ['p-tazi'], against: [], abstain: [] } };
    expect(codeOf(() => edit(absent, create(byAbsent)))).toBe('edit.voterAbsent');
    // A chair marked absent chaired, so was there to vote (the minutes count them present).
    expect(codeOf(() => edit({ ...absent, chair: 'يوسف التازي', chairs: undefined }, create(byAbsent)))).toBe('none');
    expect(errorText(new MahdarError('edit.voterAbsent', { name: 'يوسف التازي' }), 'fr')).toContain('« يوسف التازي » est noté absent ou excusé');
    // Counts without names are as free as before.
    expect(codeOf(() => edit(base, create({ kind: 'counts', for: 12, against: 3, abstain: 2 })))).toBe('none');
  });

  it('holds updates to the same rule', () => {
    const made = edit(base, create(nominal.vote)).meeting;
    const id = made.decisions[0]!.id;
    const change = (vote: unknown) => ({ type: 'updateDecision', decisionId: id, changes: { vote } }) as EditInput;
    expect(codeOf(() => edit(made, change({ ...nominal.vote, against: 0 })))).toBe('edit.voteCountMismatch');
    expect(codeOf(() => edit(made, change({ kind: 'unanimous' })))).toBe('none');
  });

  it('a file or request naming a voter who is not a participant, or counts that do not add up, is inconsistent', () => {
    const issues = meetingIntegrityIssues({
      ...council,
      decisions: [{ ...nominal, vote: { kind: 'counts', for: 1, against: 0, abstain: 0, voters: { for: ['p-gone', 'p-alami'], against: [], abstain: [] } } }],
    }).map((i) => i.message);
    expect(issues).toContain('decision d-01 counts 1 for but names 2');
    expect(issues).toContain('decision d-01 names voter p-gone, who is not a participant');
    // Removing a participant who voted or signs leaves a reference to nobody: the form is refused.
    const without = { ...council, participants: council.participants.filter((p) => p.id !== 'p-alami') };
    const messages = meetingIntegrityIssues(without).map((i) => i.message);
    expect(messages).toContain('decision d-01 names voter p-alami, who is not a participant');
    expect(messages).toContain('decision d-04 is signed by p-alami, who is not a participant');
    expect(meetingIntegrityIssues(council)).toEqual([]);
  });
});

describe('agreements and their signatories', () => {
  it('calls the kind a convention (اتفاقية / Convention) and prints who signs it, in the capacity given or else their title', () => {
    const ar = buildMinutes(council, 'ar');
    expect(decisionsTable(ar).rows[2]![1]).toBe('اتفاقية');
    expect(cells(ar)[2]).toBe(
      [agreement.text, 'الموقعون:', 'السيد محمد العلمي، عن ولاية الجهة', 'السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي'].join('\n'),
    );
    const fr = buildMinutes(council, 'fr');
    expect(decisionsTable(fr).rows[2]![1]).toBe('Convention');
    expect(cells(fr)[2]!.split('\n').slice(1)).toEqual([
      'Signataires :',
      'M. محمد العلمي, عن ولاية الجهة',
      'Mme فاطمة الزهراء بناني, المديرة الجهوية للتحول الرقمي',
    ]);
    expect(cells(buildMinutes(council, 'en'))[2]!.split('\n')[1]).toBe('Signatories:');
  });

  it('prints signatories for agreements only, and nothing when nobody was recorded', () => {
    const asDecision: Meeting = { ...council, decisions: [{ ...agreement, kind: 'decision' }] };
    expect(cells(buildMinutes(asDecision, 'ar'))[0]).toBe(agreement.text);
    const unsigned: Meeting = { ...council, decisions: [{ ...agreement, signatories: [] }] };
    expect(cells(buildMinutes(unsigned, 'ar'))[0]).toBe(agreement.text);
    const one: Meeting = { ...council, decisions: [{ ...agreement, signatories: [{ participantId: 'p-bennani' }] }] };
    expect(cells(buildMinutes(one, 'ar'))[0]!.split('\n')[1]).toBe('الموقعة:');
  });

  it('refuses a signatory listed twice or who is not a participant', () => {
    const run = (signatories: unknown) => {
      try {
        applyEdit(council, editSchema.parse({ type: 'createDecision', decision: { kind: 'agreement', text: 'اتفاقية', signatories } }));
        return 'none';
      } catch (e) {
        return e instanceof MahdarError ? e.code : String(e);
      }
    };
    expect(run([{ participantId: 'p-alami' }, { participantId: 'p-alami', capacity: 'x' }])).toBe('edit.signatoryTwice');
    expect(run([{ participantId: 'p-nobody' }])).toBe('edit.unknownParticipant');
    expect(run([{ participantId: 'p-alami' }])).toBe('none');
  });

  it('a decision made without signatories keeps the shape it always had', () => {
    const out = applyEdit(council, editSchema.parse({ type: 'createDecision', decision: { kind: 'decision', text: 'قرار' } }));
    expect('signatories' in out.meeting.decisions.at(-1)!).toBe(false);
  });
});

describe('approval asks about what a council still lacks', () => {
  it('lists counted votes without names (council only) and agreements without signatories', () => {
    const counted: Meeting = {
      ...council,
      segments: council.segments.map((s) => ({ ...s, speakerId: s.speakerId ?? 'p-alami' })),
      decisions: [
        { ...nominal, id: 'd-named' },
        { ...nominal, id: 'd-counted', vote: { kind: 'counts', for: 5, against: 0, abstain: 0 } },
        { ...sample.decisions[1]!, vote: { kind: 'unanimous' } },
        { ...agreement, id: 'd-unsigned', signatories: [] },
      ],
    };
    const c = approvalCheck(counted);
    expect(c.votesWithoutNames).toEqual([{ id: 'd-counted' }]);
    expect(c.agreementsWithoutSignatories).toEqual([{ id: 'd-unsigned' }]);
    expect(c.clean).toBe(false);
    expect(approvalCheck({ ...counted, type: 'consultation' }).votesWithoutNames).toEqual([]);
  });
});

describe('annexes in the closing', () => {
  const withAnnexes: Meeting = {
    ...sample,
    annexes: [
      { id: 'x-01', title: 'نص الاتفاقية الموقعة' },
      { id: 'x-02', title: '  ' },
      { id: 'x-03', title: 'لائحة الحضور الموقعة' },
    ],
  };

  it('lists the titles numbered under "المرفقات:", after the closing sentence and before the place and date', () => {
    const blocks = closing(buildMinutes(withAnnexes, 'ar'));
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind === 'list' ? `${b.ordered ? 'ol' : 'ul'}: ${b.items.join(' | ')}` : b.kind))).toEqual([
      'وبعد استنفاد نقط جدول الأعمال، رفعت الجلسة على الساعة 12:30.',
      'المرفقات:',
      // A title left blank is not an annex.
      // The transcript the document carries after the signatures comes last.
      'ol: نص الاتفاقية الموقعة | لائحة الحضور الموقعة | التفريغ الحرفي الكامل للاجتماع',
      'حرر بمقر ولاية جهة الرباط سلا القنيطرة، قاعة الاجتماعات الكبرى في 12 نونبر 2026.',
    ]);
    expect(closing(buildMinutes(withAnnexes, 'fr'))[1]).toMatchObject({ kind: 'paragraph', text: 'Annexes\u00A0:', bold: true });
    const noTranscript = { ...withAnnexes, segments: [], annexes: [withAnnexes.annexes![0]!] };
    expect(closing(buildMinutes(noTranscript, 'fr'))[1]).toMatchObject({ text: 'Annexe\u00A0:' });
    expect(closing(buildMinutes(withAnnexes, 'en'))[1]).toMatchObject({ text: 'Annexes:' });
  });

  it('lists the transcript annex alone when the secretary listed none, under the title of the annex the minutes carry', () => {
    const items = (m: Meeting, lang: 'ar' | 'fr' | 'en') => closing(buildMinutes(m, lang)).flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(items(sample, 'ar')).toEqual(['التفريغ الحرفي الكامل للاجتماع']);
    expect(closing(buildMinutes(sample, 'ar'))[1]).toMatchObject({ text: 'المرفق:' });
    expect(items(sample, 'fr')).toEqual(['Transcription intégrale de la réunion']);
    // Summary minutes annex the interventions word for word.
    expect(items({ ...sample, minutesStyle: 'summary' }, 'en')).toEqual(['Verbatim transcript of the interventions']);
  });

  it('says nothing of annexes when none were listed and there is no transcript to annex', () => {
    const silent = { ...sample, segments: sample.segments.map((s) => ({ ...s, text: ' ' })) };
    for (const m of [silent, { ...silent, annexes: [] }, { ...silent, annexes: [{ id: 'x-01', title: '' }] }]) {
      const blocks = closing(buildMinutes(m, 'ar'));
      expect(blocks.some((b) => b.kind === 'list')).toBe(false);
      expect(JSON.stringify(blocks)).not.toContain('المرفق');
    }
  });
});

describe('attendance words agree with the person', () => {
  const statuses: Meeting = {
    ...sample,
    type: 'council',
    participants: sample.participants.map((p) =>
      p.id === 'p-idrissi' ? { ...p, attendance: 'absent' } : p.id === 'p-bennani' ? { ...p, attendance: 'excused' } : p.id === 'p-dupont' ? { ...p, attendance: 'absent' } : p,
    ),
  };
  const headings = (m: MinutesModel) =>
    m.sections.find((s) => s.id === 'attendance')!.blocks.filter((b) => b.kind === 'paragraph' && b.bold).map((b) => (b.kind === 'paragraph' ? b.text : ''));

  it('heads each French and Arabic list in the gender and number of whom it lists', () => {
    // Present: men and women; absent: a woman and a man; excused: one woman.
    expect(headings(buildMinutes(statuses, 'fr')).slice(0, 3)).toEqual(['Présents\u00A0:', 'Absents\u00A0:', 'Excusée\u00A0:']);
    expect(headings(buildMinutes(statuses, 'ar')).slice(0, 3)).toEqual(['الحاضرون:', 'الغائبون:', 'المعتذرة:']);
    const women: Meeting = {
      ...statuses,
      participants: statuses.participants.map((p) => (p.id === 'p-dupont' ? { ...p, attendance: 'present' as const } : p)),
    };
    expect(headings(buildMinutes({ ...women, participants: [...women.participants, { ...women.participants[3]!, id: 'p-x', name: 'نادية' }] }, 'fr'))[1]).toBe('Absentes\u00A0:');
    expect(headings(buildMinutes(women, 'fr'))[1]).toBe('Absente\u00A0:');
    expect(headings(buildMinutes(women, 'ar'))[1]).toBe('الغائبة:');
  });

  it('agrees as the forms say: one person in their gender, all women feminine plural, else masculine plural', () => {
    const forms = minutesLabels.fr.attendanceLists.excused;
    expect(agree(forms, ['m'])).toBe('Excusé\u00A0:');
    expect(agree(forms, ['f'])).toBe('Excusée\u00A0:');
    expect(agree(forms, ['unknown'])).toBe('Excusé(e)\u00A0:');
    expect(agree(forms, ['f', 'f'])).toBe('Excusées\u00A0:');
    expect(agree(forms, ['f', 'unknown'])).toBe('Excusés\u00A0:');
    expect(agree(forms, [])).toBe('Excusés\u00A0:');
    // A woman represented by someone: représentée, ممثلة.
    expect(minutesLabels.fr.representedBy('Mme X', 'M. Y', 'f')).toBe('Mme X, représentée par M. Y');
    expect(minutesLabels.ar.representedBy('س', 'ع', 'f')).toBe('س، ممثلة من طرف ع');
  });
});

describe('older meeting.json files', () => {
  it('a file without annexes, voters or signatories loads and makes the same minutes as before', () => {
    expect(Object.keys(sampleJson)).not.toContain('annexes');
    const m = meetingSchema.parse(sampleJson);
    expect(m.annexes).toBeUndefined();
    expect(m.decisions.every((d) => d.signatories === undefined)).toBe(true);
    expect(cells(buildMinutes(m, 'ar'))[0]).toBe(sample.decisions[0]!.text);
  });

  it('a file with them reads back as written', () => {
    const withAll = { ...sampleJson, type: 'council', annexes: [{ id: 'x-01', title: 'الاتفاقية' }], decisions: [nominal, agreement] };
    const m = meetingSchema.parse(JSON.parse(JSON.stringify(withAll)));
    expect(m.annexes).toEqual([{ id: 'x-01', title: 'الاتفاقية' }]);
    expect(m.decisions[0]!.vote).toEqual(nominal.vote);
    expect(m.decisions[1]!.signatories).toEqual(agreement.signatories);
  });
});

describe('the participants form', () => {
  it('offers attendance words in each person\'s gender (Présente, حاضرة), and says who represents her', async () => {
    let uiLanguage = 'fr';
    Object.assign(globalThis, {
      localStorage: { getItem: () => uiLanguage, setItem: () => undefined },
      window: { mahdarBridge: { call: async () => ({ ok: false }), onEvent: () => () => undefined, download: () => undefined } },
    });
    const { I18nProvider } = await import('../../renderer/i18n/I18nContext.tsx');
    const { ParticipantsEditor, attendanceKey } = await import('../../renderer/features/meeting/ParticipantsEditor.tsx');
    const people = [
      { id: 'p-a', name: 'Amina', gender: 'f' as const, title: '', organisation: '', attendance: 'excused' as const },
      { id: 'p-b', name: 'Omar', gender: 'm' as const, title: '', organisation: '' },
    ];
    let chairing = new Set<string>();
    const render = () =>
      renderToStaticMarkup(createElement(I18nProvider, null, createElement(ParticipantsEditor, { value: people, chairing, onChange: () => undefined, readOnly: false })));
    const options = (html: string) => [...html.matchAll(/<select aria-label="Présence (\d)"[^>]*>(.*?)<\/select>/g)].map((m) => [...m[2]!.matchAll(/>([^<]+)<\/option>/g)].map((o) => o[1]));
    const fr = render();
    expect(options(fr)).toEqual([
      ['Présente', 'Absente', 'Excusée'],
      ['Présent', 'Absent', 'Excusé'],
    ]);
    expect(fr).toContain('aria-label="Représentée par 1"');
    expect(fr).toContain('aria-label="Représenté par 2"');
    uiLanguage = 'ar';
    const ar = render();
    expect(ar).toContain('>حاضرة</option>');
    expect(ar).toContain('>معتذرة</option>');
    expect(ar).toContain('>حاضر</option>');
    expect(ar).toContain('aria-label="ممثلة من طرف 1"');
    expect(attendanceKey('absent', 'unknown')).toBe('attendance_absent_unknown');
    // She chairs: present, and the form says why it cannot be changed (the minutes count her present).
    chairing = new Set(['p-a']);
    const chairRow = (html: string) => /<select aria-label="[^"]* 1" aria-describedby="chair-present-p-a"[^>]*disabled=""[^>]*>(.*?)<\/select>/.exec(html)?.[1];
    for (const [lang, hint] of [['ar', 'يرأس الجلسة، فيعدّ حاضرا'], ['fr', 'Préside la séance, donc compté présent'], ['en', 'Chairs the meeting, so counted present']]) {
      uiLanguage = lang!;
      const html = render();
      expect(chairRow(html), lang).toMatch(/^<option value="present" selected="">/);
      expect(html).toContain(`<small id="chair-present-p-a">${hint}</small>`);
    }
  });
});
