// Every error a user can meet has a stable code and a message in each UI language.
// main/ throws MahdarError; both transports carry {code, params}; the UI and the CLI translate.
import type { Language } from './domain.ts';

type Params = Record<string, string | number>;
type Message = (p: Params) => string;

export const errorMessages = {
  validation: {
    ar: (p) => `طلب غير صالح: ${p.detail ?? ''}`,
    fr: (p) => `Requête invalide : ${p.detail ?? ''}`,
    en: (p) => `Invalid request: ${p.detail ?? ''}`,
  },
  'request.tooLarge': {
    ar: () => 'الطلب أكبر من الحد المسموح به.',
    fr: () => 'La requête dépasse la taille autorisée.',
    en: () => 'The request is larger than allowed.',
  },
  'request.unauthorized': {
    ar: () => 'طلب غير مأذون به.',
    fr: () => 'Requête non autorisée.',
    en: () => 'Unauthorised request.',
  },
  'request.unknownMethod': {
    ar: (p) => `أمر غير معروف: ${p.method}`,
    fr: (p) => `Commande inconnue : ${p.method}`,
    en: (p) => `Unknown command: ${p.method}`,
  },
  'meeting.notFound': {
    ar: () => 'هذا الاجتماع غير موجود في الأرشيف.',
    fr: () => 'Cette réunion est introuvable dans les archives.',
    en: () => 'This meeting is not in the archive.',
  },
  'meeting.malformed': {
    ar: (p) => `ملف الاجتماع ${p.id} تالف ولا يمكن قراءته. لم يتم تغييره؛ يمكن استرجاعه يدويًا من ${p.file}.`,
    fr: (p) => `Le fichier de la réunion ${p.id} est endommagé et illisible. Il n'a pas été modifié ; il reste récupérable dans ${p.file}.`,
    en: (p) => `The file of meeting ${p.id} is damaged and cannot be read. It was left untouched; it can be recovered from ${p.file}.`,
  },
  'meeting.futureVersion': {
    ar: (p) => `الاجتماع ${p.id} محفوظ بإصدار أحدث من محضر (${p.version}). حدّث التطبيق لفتحه؛ لم يتم تغيير الملف.`,
    fr: (p) => `La réunion ${p.id} a été enregistrée par une version plus récente de Mahdar (${p.version}). Mettez l'application à jour ; le fichier n'a pas été modifié.`,
    en: (p) => `Meeting ${p.id} was saved by a newer version of Mahdar (format ${p.version}). Update the app to open it; the file was left untouched.`,
  },
  'meeting.readOnly': {
    ar: () => 'هذا المحضر مصادق عليه ولا يمكن تعديله. أعد فتحه لإنشاء مراجعة جديدة.',
    fr: () => 'Ce procès-verbal est approuvé et ne peut plus être modifié. Rouvrez-le pour créer une nouvelle révision.',
    en: () => 'These minutes are approved and read-only. Reopen them to make a new revision.',
  },
  'disk.full': {
    ar: () => 'القرص ممتلئ: لم يتم الحفظ. حرّر مساحة ثم أعد المحاولة؛ النسخة السابقة سليمة.',
    fr: () => 'Disque plein : rien n’a été enregistré. Libérez de l’espace puis réessayez ; la version précédente est intacte.',
    en: () => 'The disk is full: nothing was saved. Free some space and try again; the previous version is intact.',
  },
  'audio.empty': {
    ar: () => 'الملف الصوتي فارغ.',
    fr: () => 'Le fichier audio est vide.',
    en: () => 'The audio file is empty.',
  },
  'audio.unreadable': {
    ar: () => 'تعذرت قراءة الملف الصوتي: إنه تالف أو ليس ملفًا صوتيًا.',
    fr: () => 'Impossible de lire le fichier audio : il est endommagé ou ce n’est pas de l’audio.',
    en: () => 'The audio file cannot be read: it is damaged or not audio.',
  },
  'audio.tooLarge': {
    ar: (p) => `الملف الصوتي أكبر من الحد المسموح به (${p.limit}).`,
    fr: (p) => `Le fichier audio dépasse la taille autorisée (${p.limit}).`,
    en: (p) => `The audio file is larger than allowed (${p.limit}).`,
  },
  'audio.noDecoder': {
    ar: () => 'برنامج فك ترميز الصوت ffmpeg غير مثبت على هذا الحاسوب.',
    fr: () => 'Le décodeur audio ffmpeg n’est pas installé sur cet ordinateur.',
    en: () => 'The audio decoder ffmpeg is not installed on this computer.',
  },
  'audio.missing': {
    ar: () => 'لا يوجد تسجيل صوتي لهذا الاجتماع بعد.',
    fr: () => 'Cette réunion n’a pas encore d’enregistrement audio.',
    en: () => 'This meeting has no audio yet.',
  },
  'model.notFound': {
    ar: (p) => `نموذج التعرف على الكلام غير موجود: ${p.model}`,
    fr: (p) => `Modèle de reconnaissance vocale introuvable : ${p.model}`,
    en: (p) => `Speech model not found: ${p.model}`,
  },
  'model.invalid': {
    ar: () => 'هذا الملف ليس نموذج Whisper صالحًا (ggml). لم يتم استعماله.',
    fr: () => 'Ce fichier n’est pas un modèle Whisper valide (ggml). Il n’a pas été utilisé.',
    en: () => 'This file is not a valid Whisper model (ggml). It was not used.',
  },
  'model.checksum': {
    ar: () => 'بصمة النموذج لا تطابق النسخة الرسمية: الملف تالف أو مبتور، ولم يتم استعماله.',
    fr: () => 'L’empreinte du modèle ne correspond pas à la version officielle : fichier corrompu ou tronqué, non utilisé.',
    en: () => 'The model checksum does not match the official file: it is corrupt or truncated and was not used.',
  },
  'model.download': {
    ar: (p) => `تعذر تنزيل النموذج: ${p.detail ?? ''}. سيُستأنف التنزيل من حيث توقف.`,
    fr: (p) => `Échec du téléchargement du modèle : ${p.detail ?? ''}. Il reprendra là où il s’est arrêté.`,
    en: (p) => `The model download failed: ${p.detail ?? ''}. It will resume where it stopped.`,
  },
  'model.englishOnly': {
    ar: () => 'هذا النموذج للإنجليزية فقط ولا يفرّغ العربية. اختر نموذجًا متعدد اللغات.',
    fr: () => 'Ce modèle ne reconnaît que l’anglais et ne peut pas transcrire l’arabe. Choisissez un modèle multilingue.',
    en: () => 'This model is English-only and cannot transcribe Arabic. Choose a multilingual model.',
  },
  'engine.missing': {
    ar: () => 'محرك التفريغ whisper.cpp غير مبني. شغّل npm ci لبنائه.',
    fr: () => 'Le moteur de transcription whisper.cpp n’est pas compilé. Lancez npm ci pour le construire.',
    en: () => 'The whisper.cpp engine is not built. Run npm ci to build it.',
  },
  'engine.failed': {
    ar: (p) => `توقف محرك التفريغ: ${p.detail ?? ''}. ما تم تفريغه محفوظ ويمكن الاستئناف.`,
    fr: (p) => `Le moteur de transcription s’est arrêté : ${p.detail ?? ''}. Ce qui a été transcrit est conservé ; reprise possible.`,
    en: (p) => `The transcription engine stopped: ${p.detail ?? ''}. What was transcribed is kept and the job can resume.`,
  },
  'job.running': {
    ar: () => 'تفريغ جارٍ بالفعل لهذا الاجتماع.',
    fr: () => 'Une transcription est déjà en cours pour cette réunion.',
    en: () => 'A transcription is already running for this meeting.',
  },
  'upload.notFound': {
    ar: () => 'الملف المرفوع غير موجود أو انتهت صلاحيته.',
    fr: () => 'Le fichier téléversé est introuvable ou a expiré.',
    en: () => 'The uploaded file was not found or has expired.',
  },
  'export.failed': {
    ar: (p) => `تعذر التصدير: ${p.detail ?? ''}`,
    fr: (p) => `Échec de l’export : ${p.detail ?? ''}`,
    en: (p) => `Export failed: ${p.detail ?? ''}`,
  },
  internal: {
    ar: () => 'حدث خطأ غير متوقع. لم يُفقد أي شيء محفوظ.',
    fr: () => 'Une erreur inattendue est survenue. Rien d’enregistré n’a été perdu.',
    en: () => 'An unexpected error occurred. Nothing saved was lost.',
  },
} satisfies Record<string, Record<Language, Message>>;

export type ErrorCode = keyof typeof errorMessages;

export class MahdarError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
  ) {
    super(errorMessages[code].en(params));
    this.name = 'MahdarError';
  }
}

/** The wire form of an error, identical in both transports. */
export interface ErrorPayload {
  code: ErrorCode;
  params: Params;
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorMessages, code);
}

export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof MahdarError) return { code: err.code, params: err.params };
  return { code: 'internal', params: {} };
}

export function errorText(payload: ErrorPayload, lang: Language): string {
  const code = isErrorCode(payload.code) ? payload.code : 'internal';
  return (errorMessages[code][lang] as Message)(payload.params ?? {});
}
