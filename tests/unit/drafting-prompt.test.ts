// The prompt a language model gets for one intervention (shared/summaries/prompt.ts): the minutes'
// language, the third person, the speaker by title and gender, the point, this intervention's
// passages and nothing else of the meeting.
import { describe, expect, it } from 'vitest';
import { emptyMeetingFields, type Meeting, type Segment } from '../../shared/domain.ts';
import { allInterventions } from '../../shared/summaries/interventions.ts';
import { interventionPrompt } from '../../shared/summaries/prompt.ts';

const seg = (i: number, text: string, speakerId: string | null, agendaItemId?: string): Segment => ({
  id: `s-${i}`,
  start: i * 10,
  end: i * 10 + 8,
  text,
  speakerId,
  tags: [],
  edited: false,
  ...(agendaItemId ? { agendaItemId } : {}),
});

function meeting(language: Meeting['language'] = 'ar'): Pick<Meeting, 'language' | 'participants' | 'agenda' | 'segments'> {
  return {
    ...emptyMeetingFields(),
    language,
    participants: [
      { id: 'p-1', name: 'أحمد العلوي', gender: 'm', title: 'والي الجهة', organisation: 'الولاية' },
      { id: 'p-2', name: 'فاطمة بناني', gender: 'f', title: 'المقررة', organisation: '' },
    ],
    agenda: [
      { id: 'a-1', title: 'الميزانية' },
      { id: 'a-2', title: 'الطرق القروية' },
    ],
    segments: [
      seg(0, 'ارتفعت الميزانية بعشرة في المائة', 'p-1', 'a-1'),
      seg(1, 'وسنخصص جزءا منها للماء', 'p-1', 'a-1'),
      seg(2, 'أقترح تأجيل التصويت', 'p-2', 'a-1'),
      seg(3, 'الطرق تحتاج إلى صيانة عاجلة', null, 'a-2'),
    ],
  };
}

describe('the prompt of one intervention', () => {
  it('asks in Arabic for a third-person paragraph from the passages only, and gives speaker, title, point and passages', () => {
    const m = meeting();
    const [first] = allInterventions(m);
    const p = interventionPrompt(m, first!);
    expect(p.system).toContain('بضمير الغائب');
    expect(p.system).toContain('اعتمد فقط على ما ورد');
    expect(p.system).toContain('لا تكتب مقدمة');
    // The minutes print the speaker's lead before the summary: the draft does not name them again.
    expect(p.system).toContain('دون تكرار اسمه');
    expect(p.user).toContain('السيد أحمد العلوي، والي الجهة');
    expect(p.user).toContain('النقطة: الميزانية');
    expect(p.user).toContain('ارتفعت الميزانية بعشرة في المائة\nوسنخصص جزءا منها للماء');
  });

  it('carries nothing of the meeting beyond this intervention: no other speaker, passage, point or organisation', () => {
    const m = meeting();
    const [first] = allInterventions(m);
    const { user } = interventionPrompt(m, first!);
    for (const absent of ['فاطمة', 'أقترح تأجيل التصويت', 'الطرق', 'الولاية']) expect(user).not.toContain(absent);
  });

  it('names a woman with the feminine honorific, and an untagged speaker as unidentified', () => {
    const m = meeting();
    const [, second, third] = allInterventions(m);
    expect(interventionPrompt(m, second!).user).toContain('السيدة فاطمة بناني، المقررة');
    const untagged = interventionPrompt(m, third!).user;
    expect(untagged).toContain('متدخل غير محدد');
    expect(untagged).toContain('النقطة: الطرق القروية');
  });

  it('follows the minutes’ language', () => {
    const m = meeting('fr');
    const p = interventionPrompt(m, allInterventions(m)[1]!);
    expect(p.system).toContain('troisième personne');
    expect(p.system).toContain('n’ajoutez aucune information');
    expect(p.user).toContain('Intervenant : Mme فاطمة بناني, المقررة');
    expect(p.system).not.toMatch(/[\u0600-\u06ff]/);
  });

  it('cuts a very long intervention, and says so', () => {
    const m = meeting();
    const [first] = allInterventions(m);
    const { user } = interventionPrompt(m, first!, 10);
    expect(user).toContain('ارتفعت الم […]');
    expect(user).not.toContain('للماء');
  });
});
