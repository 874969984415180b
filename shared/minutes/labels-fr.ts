// The minutes' wording in French.
import {
  agree,
  byCount,
  closingTitle,
  convocationSentence,
  isolateRtl,
  listWith,
  openingSentence,
  personWith,
  unlessNeither,
  type MinutesLabels,
} from './wording.ts';

const COMMA = ', ';
// French sets a space before the high punctuation and inside guillemets; a no-break one, so a
// line never begins with the colon ("abstentions" / ": 1"): U+00A0 before «:» and inside « »,
// the narrow U+202F before «;», «!» and «?».
const NB = '\u00A0';
const NNB = '\u202F';

/** "1448 H": ICU writes the Hijri era "AH", French administrations "H". */
const hijriH = (hijri: string) => hijri.replace(/\s*AH$/, `${NB}H`);

/** "9 h 30" for "9:30", as French writes the hour. */
const hour = (time: string) => time.replace(':', ' h ');

export const fr: MinutesLabels = {
  direction: 'ltr',
  languageTag: 'fr-FR',
  documentTitle: () => 'Procès-verbal',
  documentSubtitle: (name) => name,
  meetingType: {
    consultation: { definite: 'la réunion de consultation', indefinite: 'une réunion de consultation' },
    council: { definite: 'la session du conseil', indefinite: 'une session du conseil' },
    committee: { definite: 'la réunion de la commission', indefinite: 'une réunion de la commission' },
    other: { definite: 'la réunion', indefinite: 'une réunion' },
  },
  titleNamesMeeting: () => false,
  about: (type, topic) => `${type} «${NB}${topic}${NB}»`,
  untitled: 'la réunion',
  reference: (ref) => `Réf.${NB}: ${ref}`,
  date: (g, h) => (h ? `Date${NB}: ${g}\n(${hijriH(h)})` : `Date${NB}: ${g}`),
  opening: (p) =>
    openingSentence(
      p,
      {
        day: (weekday, gregorian, hijri) => `Le ${weekday ? `${weekday} ` : ''}${gregorian}${hijri ? ` (${hijriH(hijri)})` : ''}`,
        time: (t) => `à ${hour(t)}`,
        held: (what, place) => `s’est tenue ${what}${place ? `, à ${place}` : ''}`,
        chairedBy: (chairs) =>
          chairs.length === 1
            ? `sous la présidence de ${chairs[0]!.text}`
            : `sous la coprésidence ${listWith(' et ')(chairs.map((c, i) => `de ${i === chairs.length - 2 ? closingTitle(c, ',') : c.text}`))}`,
        attendedBy: (n) => `en présence des personnes dont les noms figurent sur la liste de présence ci-dessous (${n} participants)`,
        attendedByMembers: 'en présence de ses membres',
      },
      COMMA,
    ),
  headings: {
    attendance: 'Liste de présence',
    agenda: 'Ordre du jour',
    proceedings: 'Déroulement de la séance',
    decisions: 'Décisions et recommandations',
    signatures: 'Signatures',
    annex: `Annexe${NB}: transcription intégrale de la réunion`,
    verbatimAnnex: `Annexe${NB}: transcription intégrale des interventions`,
  },
  annexTitles: { annex: 'Transcription intégrale de la réunion', verbatimAnnex: 'Transcription intégrale des interventions' },
  attendanceHeader: ['N°', 'Nom et prénom', 'Qualité', 'Organisme', 'Signature'],
  decisionsHeader: ['N°', 'Type', 'Texte', 'Responsable', 'Échéance'],
  transcriptHeader: ['Heure', 'Intervenant', 'Texte'],
  decisionKinds: { decision: 'Décision', recommendation: 'Recommandation', agreement: 'Convention', action: 'Action' },
  vote: (v) => (v.kind === 'unanimous' ? 'À l’unanimité' : `Pour${NB}: ${v.for}, contre${NB}: ${v.against}, abstentions${NB}: ${v.abstain}`),
  voterNames: (side, names, genders) => {
    const one = names.length === 1;
    const head =
      side === 'abstain'
        ? agree({ m: 'S’est abstenu', f: 'S’est abstenue', unknown: 'S’est abstenu(e)', plural: 'Se sont abstenus', pluralF: 'Se sont abstenues' }, genders)
        : `${one ? 'A' : 'Ont'} voté ${side === 'for' ? 'pour' : 'contre'}`;
    return `${head}${NB}: ${names.join(', ')}`;
  },
  signatories: (g) => byCount(`Signataire${NB}:`, `Signataires${NB}:`)(g.length),
  annexes: byCount(`Annexe${NB}:`, `Annexes${NB}:`),
  agendaPoint: (n, title) => `Point ${n}${title ? `${NB}: ${title}` : ''}`,
  otherBusiness: 'Questions diverses',
  noInterventionsOnPoint: 'Aucune intervention n’a été enregistrée sur ce point.',
  honorific: { m: 'M.', f: 'Mme', unknown: 'M./Mme' },
  isolate: isolateRtl,
  person: personWith(COMMA, isolateRtl),
  intervention: (person) => `Intervention de ${person}${NB}:`,
  unknownSpeakerIntervention: `Intervention (intervenant non identifié)${NB}:`,
  summaryLead: (named, title, g) =>
    `${named}${title ? `${COMMA}${isolateRtl(title)},` : ''} ${{ m: 'est intervenu', f: 'est intervenue', unknown: 'est intervenu(e)' }[g]}${NB}:`,
  pointSummary: `Synthèse des débats${NB}:`,
  summaryFlags: {
    missing: (time) => `[Aucune synthèse pour cette intervention, ${time}]`,
    draft: '[Projet non relu par le secrétaire]',
    toCheck: `[Synthèse à vérifier${NB}: les passages résumés ont changé]`,
  },
  unknownSpeaker: '—',
  noAttendees: 'Aucune liste de présence n’a été enregistrée.',
  noAgenda: 'Aucun ordre du jour n’a été fixé.',
  noInterventions: 'Aucune intervention n’a été enregistrée.',
  noDecisions: 'Aucune décision ni recommandation n’a été prise.',
  noDecisionsYet: 'Aucune décision ni recommandation n’a encore été enregistrée.',
  noTranscript: 'Aucune transcription pour cette réunion.',
  closing: (end) =>
    end
      ? `L’ordre du jour étant épuisé, la séance a été levée à ${hour(end)}.`
      : 'L’ordre du jour étant épuisé, la séance a été levée.',
  drawnUp: unlessNeither((place, date) => `Fait${place ? ` à ${place}` : ''}${place && date ? ',' : ''}${date ? ` le ${date}` : ''}.`),
  convocation: (p) =>
    convocationSentence(p, {
      convened: (reference, date) => `Vu la convocation${reference ? ` n° ${reference}` : ''}${date ? ` du ${date}` : ''}`,
      basedOn: (basis, first) => `${first ? 'Vu' : 'vu'} ${basis}`,
      separator: `${NNB}; `,
    }),
  attendanceLists: {
    present: { m: `Présent${NB}:`, f: `Présente${NB}:`, unknown: `Présent(e)${NB}:`, plural: `Présents${NB}:`, pluralF: `Présentes${NB}:` },
    absent: { m: `Absent${NB}:`, f: `Absente${NB}:`, unknown: `Absent(e)${NB}:`, plural: `Absents${NB}:`, pluralF: `Absentes${NB}:` },
    excused: { m: `Excusé${NB}:`, f: `Excusée${NB}:`, unknown: `Excusé(e)${NB}:`, plural: `Excusés${NB}:`, pluralF: `Excusées${NB}:` },
    none: 'Néant.',
  },
  representedBy: (name, r, g) => `${name}, ${g === 'f' ? 'représentée' : g === 'm' ? 'représenté' : 'représenté(e)'} par ${r}`,
  quorum: (present, total) => `Quorum${NB}: ${present} ${present > 1 ? 'membres présents' : 'membre présent'} sur ${total}.`,
  chairRole: { m: 'Le président de séance', f: 'La présidente de séance', unknown: 'Le président de séance' },
  coChairRole: { m: 'Le coprésident de séance', f: 'La coprésidente de séance', unknown: 'Le coprésident de séance' },
  secretaryRole: { m: 'Le secrétaire de séance', f: 'La secrétaire de séance', unknown: 'Le secrétaire de séance' },
  stamp: 'Cachet',
  blankName: '……………………………',
  draftMark: 'Projet',
  pageLabel: 'Page {page} sur {pages}',
  status: { draft: 'Projet', review: 'En relecture', approved: 'Approuvé' },
  keywords: ['procès-verbal', 'réunion'],
  description: (p) =>
    `Procès-verbal${NB}: ${p.name}${p.date ? `, ${p.date}` : ''}${p.place ? `, ${p.place}` : ''}${NNB}; ${p.attendees} participants${NNB}; ${p.decisions} décisions et recommandations${NNB}; version ${p.revision}.`,
  comma: COMMA,
};
