// The minutes' wording in Arabic, as Moroccan administrations write their minutes.
import {
  agree,
  byCount,
  closingTitle,
  convocationSentence,
  openingSentence,
  personWith,
  unlessNeither,
  type MinutesLabels,
} from './wording.ts';

const COMMA = '، ';

/** "محضر <name>", unless the name already begins with it. */
const minutesOf = (name: string) => (/^محضر\s/.test(name) ? name : `محضر ${name}`);

/** " بالرباط" for an Arabic place name, " في Rabat" otherwise. */
const at = (place: string) => (/^[\u0621-\u064A]/.test(place) ? ` ب${place}` : ` في ${place}`);

// Ordinals agree with النقطة (feminine): الأولى … العاشرة, الحادية عشرة … التاسعة عشرة, العشرون,
// الحادية والعشرون … التاسعة والتسعون; beyond that the number is written in digits.
const AR_UNITS = ['', 'الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
const AR_TENS = ['', '', 'العشرون', 'الثلاثون', 'الأربعون', 'الخمسون', 'الستون', 'السبعون', 'الثمانون', 'التسعون'];

/** "الأولى", "الحادية عشرة", "الثانية والعشرون"…; "100" and beyond in digits. */
export function arabicOrdinalFeminine(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n <= 10) return AR_UNITS[n]!;
  const unit = n % 10;
  const tens = Math.floor(n / 10);
  // In compounds "one" is الحادية, not الأولى.
  const unitWord = unit === 1 ? 'الحادية' : AR_UNITS[unit]!;
  if (tens === 1) return `${unitWord} عشرة`;
  return unit === 0 ? AR_TENS[tens]! : `${unitWord} و${AR_TENS[tens]!}`;
}

export const ar: MinutesLabels = {
  direction: 'rtl',
  languageTag: 'ar-MA',
  documentTitle: minutesOf,
  documentSubtitle: () => null,
  meetingType: {
    consultation: { definite: 'اللقاء التشاوري', indefinite: 'لقاء تشاوري' },
    council: { definite: 'دورة المجلس', indefinite: 'دورة المجلس' },
    committee: { definite: 'اجتماع اللجنة', indefinite: 'اجتماع اللجنة' },
    other: { definite: 'الاجتماع', indefinite: 'اجتماع' },
  },
  titleNamesMeeting: (t) => /^(محضر\s+)?(ال)?(لقاء|اجتماع|دورة|جلسة|ندوة|مجلس|لجنة|ورشة|مناظرة)/.test(t.trim()),
  about: (type, topic) => `${type} حول ${topic}`,
  untitled: 'الاجتماع',
  reference: (ref) => `المرجع: ${ref}`,
  date: (g, h) => (h ? `التاريخ: ${g}\nالموافق لـ ${h}` : `التاريخ: ${g}`),
  opening: (p) =>
    openingSentence(
      p,
      {
        day: (weekday, gregorian, hijri) => `في يوم ${weekday ? `${weekday} ` : ''}${gregorian}${hijri ? ` الموافق لـ ${hijri}` : ''}`,
        time: (t) => `على الساعة ${t}`,
        held: (what, place) => {
          const noun = what.replace(/^محضر\s+/, '');
          // The verb agrees with the meeting noun: انعقد اللقاء / الاجتماع, انعقدت الدورة / الجلسة.
          const verb = /^(ال)?(دورة|جلسة|ندوة|ورشة|مناظرة)/.test(noun) ? 'انعقدت' : 'انعقد';
          return `${verb} ${noun}${place ? at(place) : ''}`;
        },
        // The first chair leads; the others come with them ("رفقة"), joined by "و".
        chairedBy: ([first, ...others]) =>
          `برئاسة ${first!.text}${others.length ? `${COMMA}رفقة ${others.map((c, i) => (i < others.length - 1 ? closingTitle(c, '،') : c.text)).join(' و')}` : ''}`,
        attendedBy: (n) => `وبحضور السيدات والسادة المدرجة أسماؤهم في لائحة الحضور أسفله (عدد الحاضرين: ${n})`,
        attendedByMembers: 'وبحضور السيدات والسادة أعضاء الاجتماع',
      },
      COMMA,
    ),
  headings: {
    attendance: 'لائحة الحضور',
    agenda: 'جدول الأعمال',
    proceedings: 'سير الأشغال',
    decisions: 'القرارات والتوصيات',
    signatures: 'التوقيعات',
    annex: 'ملحق: التفريغ الحرفي الكامل للاجتماع',
    verbatimAnnex: 'ملحق: التفريغ الحرفي للمداخلات',
  },
  annexTitles: { annex: 'التفريغ الحرفي الكامل للاجتماع', verbatimAnnex: 'التفريغ الحرفي للمداخلات' },
  attendanceHeader: ['ر.ت', 'الاسم الكامل', 'الصفة', 'الجهة', 'التوقيع'],
  decisionsHeader: ['ر.ت', 'النوع', 'النص', 'الجهة المكلفة', 'الأجل'],
  transcriptHeader: ['التوقيت', 'المتدخل', 'النص'],
  // An agreement is a convention its parties sign (اتفاقية), listed with its signatories.
  decisionKinds: { decision: 'قرار', recommendation: 'توصية', agreement: 'اتفاقية', action: 'إجراء' },
  vote: (v) => (v.kind === 'unanimous' ? 'بالإجماع' : `الموافقون: ${v.for}، المعارضون: ${v.against}، الممتنعون: ${v.abstain}`),
  // "كل من" names a group without agreeing with it; one voter takes the verb in their gender.
  voterNames: (side, names, genders) => {
    const verb = {
      for: { m: 'صوت بالموافقة', f: 'صوتت بالموافقة' },
      against: { m: 'صوت بالرفض', f: 'صوتت بالرفض' },
      abstain: { m: 'امتنع عن التصويت', f: 'امتنعت عن التصويت' },
    }[side];
    const head = names.length === 1 ? (genders[0] === 'f' ? verb.f : verb.m) : `${verb.m} كل من`;
    return `${head}: ${names.join('، ')}`;
  },
  signatories: (g) => agree({ m: 'الموقع:', f: 'الموقعة:', unknown: 'الموقع(ة):', plural: 'الموقعون:', pluralF: 'الموقعات:' }, g),
  annexes: byCount('المرفق:', 'المرفقات:'),
  agendaPoint: (n, title) => `النقطة ${arabicOrdinalFeminine(n)}${title ? `: ${title}` : ''}`,
  otherBusiness: 'مسائل أخرى',
  noInterventionsOnPoint: 'لم تسجل أي مداخلة في هذه النقطة.',
  honorific: { m: 'السيد', f: 'السيدة', unknown: 'السيد(ة)' },
  isolate: (text) => text,
  person: personWith(COMMA),
  // The verb agrees with a woman (تدخلت); the unknown gender keeps the masculine, as السيد(ة) does.
  intervention: (person, g) => `${g === 'f' ? 'تدخلت' : 'تدخل'} ${person}:`,
  unknownSpeakerIntervention: 'مداخلة (لم يحدد المتدخل):',
  summaryLead: (named, title, g) => `${g === 'f' ? 'تدخلت' : 'تدخل'} ${named}${title ? `${COMMA}${title}` : ''}:`,
  pointSummary: 'ملخص المناقشة:',
  summaryFlags: {
    missing: (time) => `[لا ملخص لهذا التدخل، ${time}]`,
    draft: '[مسودة لم يراجعها الكاتب]',
    toCheck: '[ملخص للمراجعة: تغيرت المقاطع التي يلخصها]',
  },
  unknownSpeaker: '—',
  noAttendees: 'لم تسجل لائحة الحضور.',
  noAgenda: 'لم يحدد جدول الأعمال.',
  noInterventions: 'لم تسجل أي مداخلة.',
  noDecisions: 'لم يتخذ أي قرار ولم تصدر أي توصية.',
  noDecisionsYet: 'لم يسجل بعد أي قرار أو توصية.',
  noTranscript: 'لا يوجد تفريغ لهذا الاجتماع.',
  closing: (end) =>
    end ? `وبعد استنفاد نقط جدول الأعمال، رفعت الجلسة على الساعة ${end}.` : 'وبعد استنفاد نقط جدول الأعمال، رفعت الجلسة.',
  drawnUp: unlessNeither((place, date) => `حرر${place ? at(place) : ''}${date ? ` في ${date}` : ''}.`),
  convocation: (p) =>
    convocationSentence(p, {
      convened: (reference, date) => `بناء على الاستدعاء${reference ? ` رقم ${reference}` : ''}${date ? ` بتاريخ ${date}` : ''}`,
      basedOn: (basis, first) => `${first ? '' : 'و'}استنادا إلى ${basis}`,
      separator: COMMA,
    }),
  attendanceLists: {
    present: { m: 'الحاضر:', f: 'الحاضرة:', unknown: 'الحاضر(ة):', plural: 'الحاضرون:', pluralF: 'الحاضرات:' },
    absent: { m: 'الغائب:', f: 'الغائبة:', unknown: 'الغائب(ة):', plural: 'الغائبون:', pluralF: 'الغائبات:' },
    excused: { m: 'المعتذر:', f: 'المعتذرة:', unknown: 'المعتذر(ة):', plural: 'المعتذرون:', pluralF: 'المعتذرات:' },
    none: 'لا أحد.',
  },
  representedBy: (name, r, g) => `${name}، ${g === 'f' ? 'ممثلة' : g === 'm' ? 'ممثلا' : 'ممثلا(ة)'} من طرف ${r}`,
  quorum: (present, total) => `النصاب القانوني: عدد الأعضاء الحاضرين ${present} من أصل ${total}.`,
  chairRole: { m: 'رئيس الجلسة', f: 'رئيسة الجلسة', unknown: 'رئيس الجلسة' },
  coChairRole: { m: 'الرئيس المشارك للجلسة', f: 'الرئيسة المشاركة للجلسة', unknown: 'الرئيس المشارك للجلسة' },
  secretaryRole: { m: 'كاتب الجلسة', f: 'كاتبة الجلسة', unknown: 'كاتب الجلسة' },
  stamp: 'الخاتم',
  blankName: '……………………………',
  draftMark: 'مسودة',
  pageLabel: 'الصفحة {page} من {pages}',
  status: { draft: 'مسودة', review: 'قيد المراجعة', approved: 'مصادق عليه' },
  keywords: ['محضر', 'اجتماع'],
  description: (p) =>
    `${minutesOf(p.name)}${p.date ? ` بتاريخ ${p.date}` : ''}${p.place ? ` ب${p.place}` : ''}؛ عدد الحاضرين: ${p.attendees}؛ عدد القرارات والتوصيات: ${p.decisions}؛ النسخة ${p.revision}.`,
  comma: COMMA,
};
