// The minutes' wording in French.
import {
  agree,
  byCount,
  convocationSentence,
  openingSentence,
  personWith,
  unlessNeither,
  type MinutesLabels,
} from './wording.ts';

const COMMA = ', ';

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
  about: (type, topic) => `${type} « ${topic} »`,
  untitled: 'la réunion',
  reference: (ref) => `Réf. : ${ref}`,
  date: (g, h) => (h ? `Date : ${g}\n(${h})` : `Date : ${g}`),
  opening: (p) =>
    openingSentence(
      p,
      {
        day: (weekday, gregorian, hijri) => `Le ${weekday ? `${weekday} ` : ''}${gregorian}${hijri ? ` (${hijri})` : ''}`,
        time: (t) => `à ${hour(t)}`,
        held: (what, place) => `s’est tenue ${what}${place ? `, à ${place}` : ''}`,
        chairedBy: (chair) => `sous la présidence de ${chair}`,
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
    annex: 'Annexe : transcription intégrale de la réunion',
    verbatimAnnex: 'Annexe : transcription intégrale des interventions',
  },
  attendanceHeader: ['N°', 'Nom et prénom', 'Qualité', 'Organisme', 'Signature'],
  decisionsHeader: ['N°', 'Type', 'Texte', 'Responsable', 'Échéance'],
  transcriptHeader: ['Heure', 'Intervenant', 'Texte'],
  decisionKinds: { decision: 'Décision', recommendation: 'Recommandation', agreement: 'Convention', action: 'Action' },
  vote: (v) => (v.kind === 'unanimous' ? 'À l’unanimité' : `Pour : ${v.for}, contre : ${v.against}, abstentions : ${v.abstain}`),
  voterNames: (side, names, genders) => {
    const one = names.length === 1;
    const head =
      side === 'abstain'
        ? agree({ m: 'S’est abstenu', f: 'S’est abstenue', unknown: 'S’est abstenu(e)', plural: 'Se sont abstenus', pluralF: 'Se sont abstenues' }, genders)
        : `${one ? 'A' : 'Ont'} voté ${side === 'for' ? 'pour' : 'contre'}`;
    return `${head} : ${names.join(', ')}`;
  },
  signatories: (g) => byCount('Signataire :', 'Signataires :')(g.length),
  annexes: byCount('Annexe :', 'Annexes :'),
  agendaPoint: (n, title) => `Point ${n}${title ? ` : ${title}` : ''}`,
  otherBusiness: 'Questions diverses',
  noInterventionsOnPoint: 'Aucune intervention n’a été enregistrée sur ce point.',
  honorific: { m: 'M.', f: 'Mme', unknown: 'M./Mme' },
  person: personWith(COMMA),
  intervention: (person) => `Intervention de ${person} :`,
  unknownSpeakerIntervention: 'Intervention (intervenant non identifié) :',
  summaryLead: (named, title, g) =>
    `${named}${title ? `${COMMA}${title},` : ''} ${{ m: 'est intervenu', f: 'est intervenue', unknown: 'est intervenu(e)' }[g]} :`,
  pointSummary: 'Synthèse des débats :',
  summaryFlags: {
    missing: (time) => `[Aucune synthèse pour cette intervention, ${time}]`,
    draft: '[Projet non relu par le secrétaire]',
    toCheck: '[Synthèse à vérifier : les passages résumés ont changé]',
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
      separator: ' ; ',
    }),
  attendanceLists: {
    present: { m: 'Présent :', f: 'Présente :', unknown: 'Présent(e) :', plural: 'Présents :', pluralF: 'Présentes :' },
    absent: { m: 'Absent :', f: 'Absente :', unknown: 'Absent(e) :', plural: 'Absents :', pluralF: 'Absentes :' },
    excused: { m: 'Excusé :', f: 'Excusée :', unknown: 'Excusé(e) :', plural: 'Excusés :', pluralF: 'Excusées :' },
    none: 'Néant.',
  },
  representedBy: (name, r, g) => `${name}, ${g === 'f' ? 'représentée' : g === 'm' ? 'représenté' : 'représenté(e)'} par ${r}`,
  quorum: (present, total) => `Quorum : ${present} ${present > 1 ? 'membres présents' : 'membre présent'} sur ${total}.`,
  chairRole: { m: 'Le président de séance', f: 'La présidente de séance', unknown: 'Le président de séance' },
  secretaryRole: { m: 'Le secrétaire de séance', f: 'La secrétaire de séance', unknown: 'Le secrétaire de séance' },
  stamp: 'Cachet',
  blankName: '……………………………',
  draftMark: 'Projet',
  pageLabel: 'Page {page} sur {pages}',
  status: { draft: 'Projet', review: 'En relecture', approved: 'Approuvé' },
  keywords: ['procès-verbal', 'réunion'],
  description: (p) =>
    `Procès-verbal : ${p.name}${p.date ? `, ${p.date}` : ''}${p.place ? `, ${p.place}` : ''} ; ${p.attendees} participants ; ${p.decisions} décisions et recommandations ; version ${p.revision}.`,
  comma: COMMA,
};
