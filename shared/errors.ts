// Every error a user can meet has a stable code and a message in each UI language.
// main/ throws MahdarError; both transports carry {code, params}; the UI and the CLI translate.
// The message table is long (one entry per code, three languages) and stays in one piece, like
// the UI's i18n table: split by area it would scatter the one list a translator reads through.
import type { Language } from './domain.ts';
import { malformedMeetingText } from './errors-meeting-file.ts';

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
  // Which field breaks which rule, or not JSON; and the last good copy (errors-meeting-file.ts).
  'meeting.malformed': {
    ar: (p) => malformedMeetingText(p, 'ar'),
    fr: (p) => malformedMeetingText(p, 'fr'),
    en: (p) => malformedMeetingText(p, 'en'),
  },
  'meeting.futureVersion': {
    ar: (p) => `الاجتماع ${p.id} محفوظ بإصدار أحدث من محضر (${p.version}). حدّث التطبيق لفتحه؛ لم يتم تغيير الملف.`,
    fr: (p) => `La réunion ${p.id} a été enregistrée par une version plus récente de Mahdar (${p.version}). Mettez l'application à jour ; le fichier n'a pas été modifié.`,
    en: (p) => `Meeting ${p.id} was saved by a newer version of Mahdar (format ${p.version}). Update the app to open it; the file was left untouched.`,
  },
  'meeting.readOnly': {
    ar: () => 'هذا المحضر مصادق عليه ولا يمكن تعديله. أعد فتحه لإنشاء نسخة جديدة.',
    fr: () => 'Ce procès-verbal est approuvé et ne peut plus être modifié. Rouvrez-le pour créer une nouvelle version.',
    en: () => 'These minutes are approved and read-only. Reopen them to make a new version.',
  },
  'meeting.speakerInUse': {
    ar: (p) => `لا يمكن حذف «${p.name}» من لائحة الحاضرين لأنه متدخل في ${p.count} من مقاطع التفريغ. لم يُحفظ هذا التغيير؛ تراجع عنه (Ctrl+Z).`,
    fr: (p) => `« ${p.name} » ne peut pas être retiré des participants : cette personne intervient dans ${p.count} passage(s) de la transcription. La modification n’a pas été enregistrée ; annulez-la (Ctrl+Z).`,
    en: (p) => `“${p.name}” cannot be removed from the participants: they speak in ${p.count} passage(s) of the transcript. The change was not saved; undo it (Ctrl+Z).`,
  },
  'meeting.inconsistent': {
    ar: (p) => `رُفض التغيير لأنه يجعل الاجتماع غير متّسق (${p.detail}). لم يُحفظ أي شيء.`,
    fr: (p) => `Modification refusée : elle rendrait la réunion incohérente (${p.detail}). Rien n’a été enregistré.`,
    en: (p) => `The change was refused: it would make the meeting inconsistent (${p.detail}). Nothing was saved.`,
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
  'audio.playback': {
    ar: () => 'تعذر تشغيل التسجيل: لم يعد الملف متاحًا أو أنه تالف. أعد تحميل الصفحة أو استورد الملف الصوتي من جديد.',
    fr: () => 'Impossible de lire l’enregistrement : le fichier n’est plus disponible ou il est endommagé. Rechargez la page ou importez de nouveau l’audio.',
    en: () => 'The recording cannot be played: the file is no longer available or is damaged. Reload the page or import the audio again.',
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
  'engine.audioUnreadable': {
    ar: () => 'تعذر على محرك التفريغ قراءة تسجيل هذا الاجتماع. أعد استيراد الملف الصوتي.',
    fr: () => 'Le moteur de transcription n’a pas pu lire l’enregistrement de cette réunion. Importez de nouveau le fichier audio.',
    en: () => 'The transcription engine could not read this meeting’s recording. Import the audio file again.',
  },
  'calibration.engineBusy': {
    ar: () => 'محرك التفريغ مشغول (تفريغ أو تسجيل أو إعادة تفريغ مقطع جارية). قِس السرعة بعد انتهائه: القياس أثناءه يكون خاطئًا.',
    fr: () => 'Le moteur de transcription est occupé (transcription, enregistrement ou retranscription d’un passage en cours). Mesurez quand il aura fini : une mesure prise pendant ce temps serait fausse.',
    en: () => 'The transcription engine is busy (a transcription, a recording or a passage being transcribed again). Measure once it has finished: a measure taken meanwhile would be wrong.',
  },
  'calibration.interrupted': {
    ar: () => 'توقف القياس لأن تفريغًا أو تسجيلًا بدأ. النتائج التي اكتملت محفوظة؛ أعد القياس بعد انتهائه.',
    fr: () => 'La mesure s’est arrêtée car une transcription ou un enregistrement a commencé. Les résultats déjà obtenus sont gardés ; mesurez de nouveau quand il sera fini.',
    en: () => 'The measurement stopped because a transcription or a recording started. Results already obtained are kept; measure again once it has finished.',
  },
  'calibration.computerBusy': {
    ar: () => 'برامج أخرى تشغل المعالج الآن، فالسرعة المقيسة ستكون أبطأ مما يقدر عليه هذا الحاسوب. أغلقها ثم أعد القياس.',
    fr: () => 'D’autres programmes occupent le processeur en ce moment : la vitesse mesurée serait plus lente que ce que cet ordinateur peut faire. Fermez-les, puis mesurez de nouveau.',
    en: () => 'Other programs are using the processor right now, so the speed measured would be slower than this computer can do. Close them, then measure again.',
  },
  'calibration.sampleMissing': {
    ar: () => 'تسجيل القياس المدمج غير موجود في هذا التثبيت. أعد تثبيت محضر.',
    fr: () => 'L’enregistrement de mesure intégré manque dans cette installation. Réinstallez Mahdar.',
    en: () => 'The built-in measurement recording is missing from this installation. Reinstall Mahdar.',
  },
  'calibration.noText': {
    ar: () => 'لم يكتب هذا النموذج أي نص عن تسجيل القياس العربي، فلا يمكن قياس سرعته في التفريغ.',
    fr: () => 'Ce modèle n’a écrit aucun texte sur l’enregistrement de mesure en arabe : sa vitesse de transcription ne peut pas être mesurée.',
    en: () => 'This model wrote no text for the Arabic measurement recording, so its transcription speed cannot be measured.',
  },
  'calibration.failed': {
    ar: (p) => `فشل القياس بهذا النموذج: ${p.detail ?? ''}`,
    fr: (p) => `La mesure avec ce modèle a échoué : ${p.detail ?? ''}`,
    en: (p) => `Measuring with this model failed: ${p.detail ?? ''}`,
  },
  'job.blocksApproval': {
    ar: () => 'التفريغ جارٍ لهذا الاجتماع: أوقفه أو انتظر انتهاءه قبل المصادقة على المحضر.',
    fr: () => 'Une transcription est en cours pour cette réunion : arrêtez-la ou attendez qu’elle se termine avant d’approuver le procès-verbal.',
    en: () => 'A transcription is running for this meeting: stop it or wait for it to finish before approving the minutes.',
  },
  'meeting.busy': {
    ar: () => 'الاجتماع قيد التغيير (تسجيل جارٍ أو استيراد تسجيل أو مصادقة أو حذف). أعد المحاولة بعد انتهاء ذلك.',
    fr: () => 'La réunion est en cours de modification (enregistrement en cours, import audio, approbation ou suppression). Réessayez une fois l’opération terminée.',
    en: () => 'This meeting is being changed (a recording in progress, an audio import, an approval or a deletion). Try again once that is done.',
  },
  'upload.notFound': {
    ar: () => 'الملف المرفوع غير موجود أو انتهت صلاحيته.',
    fr: () => 'Le fichier téléversé est introuvable ou a expiré.',
    en: () => 'The uploaded file was not found or has expired.',
  },
  'upload.offset': {
    ar: (p) => `جزء الملف المرسل لا يتبع ما تم استلامه: المنتظر هو الموضع ${p.expected}. استأنف الإرسال من هناك.`,
    fr: (p) => `Ce morceau du fichier ne suit pas ce qui a été reçu : position attendue ${p.expected}. Reprenez l’envoi à partir de là.`,
    en: (p) => `This part of the file does not follow what was received: expected offset ${p.expected}. Resume sending from there.`,
  },
  'upload.tooLarge': {
    ar: (p) => `الملف أكبر من الحد المسموح به (${p.limit}).`,
    fr: (p) => `Le fichier dépasse la taille autorisée (${p.limit}).`,
    en: (p) => `The file is larger than allowed (${p.limit}).`,
  },
  'upload.noSpace': {
    ar: (p) => `لا توجد مساحة كافية على القرص لهذا الملف (المطلوب ${p.needed}، المتاح ${p.free}). لم يُرسل شيء؛ حرّر مساحة ثم أعد المحاولة.`,
    fr: (p) => `Pas assez d’espace disque pour ce fichier (${p.needed} nécessaires, ${p.free} libres). Rien n’a été envoyé ; libérez de l’espace puis réessayez.`,
    en: (p) => `Not enough disk space for this file (${p.needed} needed, ${p.free} free). Nothing was sent; free some space and try again.`,
  },
  'export.failed': {
    ar: (p) => `تعذر التصدير: ${p.detail ?? ''}`,
    fr: (p) => `Échec de l’export : ${p.detail ?? ''}`,
    en: (p) => `Export failed: ${p.detail ?? ''}`,
  },
  'bag.notApproved': {
    ar: (p) => `النسخة ${p.revision} من هذا المحضر غير مصادق عليها: لا يدخل حزمة الأرشيف إلا محضر مصادق عليه. صادق عليه أولًا.`,
    fr: (p) => `La version ${p.revision} de ce procès-verbal n’est pas approuvée : seul un procès-verbal approuvé entre dans un paquet d’archives. Approuvez-le d’abord.`,
    en: (p) => `Version ${p.revision} of these minutes is not approved: only approved minutes go into an archive package. Approve them first.`,
  },
  'bag.recordDamaged': {
    ar: (p) => `سجل النسخة المصادق عليها ${p.revision} لا يطابق بيانه (${p.files}): تغيّر بعد المصادقة. لم تُنشأ أي حزمة.`,
    fr: (p) => `Le dossier de la version approuvée ${p.revision} ne correspond plus à son manifeste (${p.files}) : il a été modifié après l’approbation. Aucun paquet n’a été créé.`,
    en: (p) => `The record of approved version ${p.revision} no longer matches its manifest (${p.files}): it was changed after approval. No package was made.`,
  },
  'dataRoot.locked': {
    ar: (p) =>
      `مجلد البيانات ${p.root} مستعمل من طرف نسخة أخرى من محضر (${p.kind === 'desktop' ? 'تطبيق سطح المكتب' : 'وضع الخادم'}، العملية ${p.pid} على ${p.host}). أغلقها أولًا أو اختر مجلدًا آخر عبر MAHDAR_DATA_DIR؛ تشغيل نسختين معًا يضيّع التعديلات.`,
    fr: (p) =>
      `Le dossier de données ${p.root} est déjà utilisé par un autre Mahdar (${p.kind === 'desktop' ? 'application de bureau' : 'mode serveur'}, processus ${p.pid} sur ${p.host}). Fermez-le d’abord, ou choisissez un autre dossier avec MAHDAR_DATA_DIR ; deux à la fois perdraient des modifications.`,
    en: (p) =>
      `The data folder ${p.root} is already in use by another Mahdar (${p.kind === 'desktop' ? 'desktop app' : 'serve mode'}, process ${p.pid} on ${p.host}). Close it first, or choose another folder with MAHDAR_DATA_DIR; two at once would lose edits.`,
  },
  'dataRoot.lockBusy': {
    ar: (p) => `تعذر حجز مجلد البيانات: الملف ${p.file} يتغير باستمرار. أعد المحاولة.`,
    fr: (p) => `Impossible de réserver le dossier de données : le fichier ${p.file} change sans cesse. Réessayez.`,
    en: (p) => `The data folder could not be reserved: ${p.file} keeps changing. Try again.`,
  },
  'edit.conflict': {
    ar: () => 'تغيّر هذا الاجتماع في نافذة أخرى قبل حفظ تعديلك. أُعيد تحميله؛ أعد التعديل إن لزم.',
    fr: () => 'Cette réunion a été modifiée dans une autre fenêtre avant l’enregistrement de votre changement. Elle a été rechargée ; refaites le changement si besoin.',
    en: () => 'This meeting was changed in another window before your change was saved. It has been reloaded; make the change again if needed.',
  },
  'edit.segmentNotFound': {
    ar: () => 'هذا المقطع لم يعد موجودًا في التفريغ (ربما حُذف أو دُمج). أعد تحميل الاجتماع.',
    fr: () => 'Ce passage n’existe plus dans la transcription (supprimé ou fusionné). Rechargez la réunion.',
    en: () => 'This passage is no longer in the transcript (deleted or merged). Reload the meeting.',
  },
  'edit.decisionNotFound': {
    ar: () => 'هذا القرار لم يعد موجودًا. أعد تحميل الاجتماع.',
    fr: () => 'Cette décision n’existe plus. Rechargez la réunion.',
    en: () => 'This decision no longer exists. Reload the meeting.',
  },
  'edit.unknownSpeaker': {
    ar: () => 'المتدخل المختار ليس ضمن لائحة الحاضرين. أضفه أولًا.',
    fr: () => 'L’intervenant choisi ne figure pas parmi les participants. Ajoutez-le d’abord.',
    en: () => 'The chosen speaker is not a participant. Add them first.',
  },
  'edit.unknownAgendaItem': {
    ar: () => 'نقطة جدول الأعمال المختارة غير موجودة.',
    fr: () => 'Le point de l’ordre du jour choisi n’existe pas.',
    en: () => 'The chosen agenda item does not exist.',
  },
  'edit.badSplit': {
    ar: () => 'لا يمكن التقسيم هنا: يجب أن يبقى نص وزمن في كل جزء.',
    fr: () => 'Impossible de couper ici : chaque partie doit garder du texte et une durée.',
    en: () => 'Cannot split here: each part must keep some text and some time.',
  },
  'edit.badTimes': {
    ar: () => 'أوقات غير صالحة: يجب أن تكون البداية قبل النهاية.',
    fr: () => 'Horaires invalides : le début doit précéder la fin.',
    en: () => 'Invalid times: the start must come before the end.',
  },
  'edit.noNextSegment': {
    ar: () => 'لا يوجد مقطع بعده للدمج معه.',
    fr: () => 'Aucun passage suivant avec lequel fusionner.',
    en: () => 'There is no next passage to merge with.',
  },
  'edit.duplicateId': {
    ar: () => 'المعرّف مستعمل من قبل في هذا الاجتماع.',
    fr: () => 'Cet identifiant est déjà utilisé dans cette réunion.',
    en: () => 'This id is already used in this meeting.',
  },
  'edit.noMatch': {
    ar: () => 'لم يُعثر على النص المطلوب؛ لم يتغير شيء.',
    fr: () => 'Texte introuvable ; rien n’a été modifié.',
    en: () => 'The text was not found; nothing was changed.',
  },
  'edit.nothingToUndo': {
    ar: () => 'لا يوجد تعديل للتراجع عنه.',
    fr: () => 'Aucune modification à annuler.',
    en: () => 'There is nothing to undo.',
  },
  'edit.nothingToRedo': {
    ar: () => 'لا يوجد تعديل لإعادته.',
    fr: () => 'Aucune modification à rétablir.',
    en: () => 'There is nothing to redo.',
  },
  'edit.undoConflict': {
    ar: () => 'تعذر التراجع: تغيّر ما يخصه هذا التعديل بعد ذلك (تفريغ جديد أو تعديل في الاستمارة). لم يتغير شيء.',
    fr: () => 'Annulation impossible : ce qu’elle concerne a changé depuis (nouvelle transcription ou formulaire). Rien n’a été modifié.',
    en: () => 'Cannot undo: what it concerns has changed since (a new transcription or the meeting form). Nothing was changed.',
  },
  'recording.active': {
    ar: () => 'يجري تسجيل هذا الاجتماع بالفعل. أوقفه قبل بدء تسجيل آخر.',
    fr: () => 'Un enregistrement de cette réunion est déjà en cours. Arrêtez-le avant d’en commencer un autre.',
    en: () => 'This meeting is already being recorded. Stop that recording before starting another.',
  },
  'recording.notFound': {
    ar: () => 'لا يوجد تسجيل جارٍ لهذا الاجتماع (ربما أُوقف من نافذة أخرى).',
    fr: () => 'Aucun enregistrement en cours pour cette réunion (il a peut-être été arrêté depuis une autre fenêtre).',
    en: () => 'There is no recording in progress for this meeting (it may have been stopped from another window).',
  },
  'recording.gap': {
    ar: (p) => `جزء من التسجيل لم يصل (المنتظر الجزء ${p.expected}، وصل الجزء ${p.got}). لم يُضف شيء؛ يعاد إرسال الأجزاء الناقصة.`,
    fr: (p) => `Une partie de l’enregistrement manque (morceau ${p.expected} attendu, ${p.got} reçu). Rien n’a été ajouté ; les morceaux manquants sont renvoyés.`,
    en: (p) => `Part of the recording is missing (chunk ${p.expected} expected, ${p.got} received). Nothing was added; the missing chunks are sent again.`,
  },
  'recording.paused': {
    ar: () => 'التسجيل متوقف مؤقتًا: استأنفه قبل إرسال الصوت.',
    fr: () => 'L’enregistrement est en pause : reprenez-le avant d’envoyer du son.',
    en: () => 'The recording is paused: resume it before sending audio.',
  },
  'recording.badChunk': {
    ar: () => 'جزء صوتي غير صالح (يُنتظر PCM 16 بت، 16 كيلوهرتز، أحادي، ثانية واحدة على الأكثر).',
    fr: () => 'Morceau audio invalide (PCM 16 bits, 16 kHz, mono, une seconde au plus attendu).',
    en: () => 'Invalid audio chunk (16-bit PCM, 16 kHz, mono, at most one second expected).',
  },
  'recording.tooLong': {
    ar: () => 'بلغ التسجيل أقصى مدة ممكنة لملف واحد. أوقفه وابدأ تسجيلًا جديدًا.',
    fr: () => 'L’enregistrement a atteint la durée maximale d’un fichier. Arrêtez-le et commencez-en un nouveau.',
    en: () => 'The recording has reached the longest a single file can hold. Stop it and start a new one.',
  },
  'recording.cannotContinue': {
    ar: () => 'لا يمكن مواصلة التسجيل: لا يوجد لهذا الاجتماع تسجيل بصيغة 16 كيلوهرتز أحادي يمكن الإضافة إليه.',
    fr: () => 'Impossible de poursuivre : cette réunion n’a pas d’enregistrement 16 kHz mono auquel ajouter du son.',
    en: () => 'Cannot continue: this meeting has no 16 kHz mono recording to add to.',
  },
  'live.engineMissing': {
    ar: () => 'النص المباشر غير متاح: محرك النسخ المباشر (whisper-server) غير مثبت. التسجيل مستمر، وسيُنسخ كاملًا بعد إيقافه.',
    fr: () => 'Texte en direct indisponible : le moteur de transcription en direct (whisper-server) n’est pas installé. L’enregistrement continue et sera transcrit en entier après l’arrêt.',
    en: () => 'Live text unavailable: the live transcription engine (whisper-server) is not installed. Recording goes on and will be transcribed in full once stopped.',
  },
  'live.failed': {
    ar: (p) => `توقف النص المباشر (${p.detail ?? ''}). التسجيل مستمر، وسيُنسخ كاملًا بعد إيقافه.`,
    fr: (p) => `Le texte en direct s’est arrêté (${p.detail ?? ''}). L’enregistrement continue et sera transcrit en entier après l’arrêt.`,
    en: (p) => `The live text stopped (${p.detail ?? ''}). Recording goes on and will be transcribed in full once stopped.`,
  },
  'edit.voteCountMismatch': {
    ar: (p) =>
      `عدد ${p.side === 'for' ? 'الموافقين' : p.side === 'against' ? 'المعارضين' : 'الممتنعين'} (${p.count}) لا يطابق عدد الأسماء المختارة (${p.names}). عند تسجيل أسماء المصوتين يُحسب كل عدد من الأسماء؛ لم يُحفظ شيء.`,
    fr: (p) =>
      `Le nombre de voix ${p.side === 'for' ? 'pour' : p.side === 'against' ? 'contre' : 'd’abstention'} (${p.count}) ne correspond pas au nombre de noms choisis (${p.names}). Quand les votants sont nommés, chaque nombre est celui des noms ; rien n’a été enregistré.`,
    en: (p) =>
      `The number ${p.side === 'for' ? 'for' : p.side === 'against' ? 'against' : 'abstaining'} (${p.count}) does not match the names chosen (${p.names}). When the voters are named, each count is the number of names; nothing was saved.`,
  },
  'edit.voterTwice': {
    ar: (p) => `«${p.name}» مذكور أكثر من مرة في التصويت: لكل عضو صوت واحد. لم يُحفظ شيء.`,
    fr: (p) => `« ${p.name} » figure plus d’une fois dans le vote : chaque membre a une seule voix. Rien n’a été enregistré.`,
    en: (p) => `“${p.name}” is named more than once in the vote: each member has one vote. Nothing was saved.`,
  },
  'edit.voterAbsent': {
    ar: (p) => `«${p.name}» مسجل غائبًا أو معتذرًا في لائحة الحضور، فلا يمكن أن يصوت. صحّح الحضور أو التصويت؛ لم يُحفظ شيء.`,
    fr: (p) => `« ${p.name} » est noté absent ou excusé dans la liste de présence et ne peut pas avoir voté. Corrigez la présence ou le vote ; rien n’a été enregistré.`,
    en: (p) => `“${p.name}” is recorded as absent or excused in the attendance and cannot have voted. Correct the attendance or the vote; nothing was saved.`,
  },
  'edit.signatoryTwice': {
    ar: (p) => `«${p.name}» مذكور أكثر من مرة ضمن الموقعين. لم يُحفظ شيء.`,
    fr: (p) => `« ${p.name} » figure plus d’une fois parmi les signataires. Rien n’a été enregistré.`,
    en: (p) => `“${p.name}” is listed more than once among the signatories. Nothing was saved.`,
  },
  'edit.unknownParticipant': {
    ar: () => 'أحد المصوتين أو الموقعين المختارين ليس ضمن لائحة الحاضرين. أضفه أولًا.',
    fr: () => 'Un votant ou un signataire choisi ne figure pas parmi les participants. Ajoutez-le d’abord.',
    en: () => 'A voter or signatory chosen is not a participant. Add them first.',
  },
  'edit.markNotFound': {
    ar: () => 'هذه العلامة لم تعد موجودة.',
    fr: () => 'Ce repère n’existe plus.',
    en: () => 'This mark no longer exists.',
  },
  'edit.summaryNotFound': {
    ar: () => 'هذا الملخص لم يعد موجودًا. أعد تحميل الاجتماع.',
    fr: () => 'Ce résumé n’existe plus. Rechargez la réunion.',
    en: () => 'This summary no longer exists. Reload the meeting.',
  },
  'drafting.noSource': {
    ar: () => 'لم يُختر نموذج لغوي لصياغة الملخصات. استورد ملف نموذج GGUF أو حدد خادما على هذا الحاسوب.',
    fr: () => 'Aucun modèle de langue n’est choisi pour rédiger les résumés. Importez un fichier GGUF ou indiquez un serveur sur cet ordinateur.',
    en: () => 'No language model is chosen to draft the summaries. Import a GGUF file or give a server on this computer.',
  },
  'drafting.badEndpoint': {
    ar: (p) => `عنوان خادم النموذج اللغوي غير صالح: «${p.url}». اكتب عنوانا مثل http://127.0.0.1:8080/v1`,
    fr: (p) => `Adresse du serveur de modèle de langue invalide : « ${p.url} ». Écrivez une adresse comme http://127.0.0.1:8080/v1`,
    en: (p) => `Invalid language-model server address: “${p.url}”. Write an address such as http://127.0.0.1:8080/v1`,
  },
  'drafting.notLoopback': {
    ar: (p) => `رُفض العنوان «${p.host}»: لا يُقبل إلا خادم على هذا الحاسوب (localhost أو 127.0.0.1 أو ::1)، حتى لا يُرسل أي كلام من الاجتماع إلى خارجه. لم يُرسل شيء.`,
    fr: (p) => `Adresse « ${p.host} » refusée : seul un serveur sur cet ordinateur est accepté (localhost, 127.0.0.1 ou ::1), pour que rien de la réunion n’en sorte. Rien n’a été envoyé.`,
    en: (p) => `Address “${p.host}” refused: only a server on this computer is accepted (localhost, 127.0.0.1 or ::1), so that nothing said in the meeting leaves it. Nothing was sent.`,
  },
  'drafting.endpointUnreachable': {
    ar: (p) => `تعذر الاتصال بخادم النموذج اللغوي على ${p.url}. شغّل llama-server أو Ollama على هذا الحاسوب وتحقق من العنوان والمنفذ.`,
    fr: (p) => `Le serveur de modèle de langue ne répond pas à ${p.url}. Démarrez llama-server ou Ollama sur cet ordinateur et vérifiez l’adresse et le port.`,
    en: (p) => `The language-model server does not answer at ${p.url}. Start llama-server or Ollama on this computer and check the address and port.`,
  },
  'drafting.endpointError': {
    ar: (p) => `أجاب خادم النموذج اللغوي بخطأ (HTTP ${p.status}) ${p.detail ?? ''}. تحقق من اسم النموذج ومن سجل الخادم.`,
    fr: (p) => `Le serveur de modèle de langue a répondu par une erreur (HTTP ${p.status}) ${p.detail ?? ''}. Vérifiez le nom du modèle et le journal du serveur.`,
    en: (p) => `The language-model server answered with an error (HTTP ${p.status}) ${p.detail ?? ''}. Check the model name and the server's log.`,
  },
  'drafting.badReply': {
    ar: () => 'جواب خادم النموذج اللغوي ليس جواب محادثة متوافقا مع OpenAI (chat/completions). تحقق من العنوان (غالبا ينتهي بـ ‎/v1).',
    fr: () => 'La réponse du serveur n’est pas une réponse de chat compatible OpenAI (chat/completions). Vérifiez l’adresse (elle finit souvent par /v1).',
    en: () => 'The server’s answer is not an OpenAI-compatible chat reply (chat/completions). Check the address (it usually ends in /v1).',
  },
  'drafting.notGguf': {
    ar: (p) => `هذا الملف ليس نموذجا لغويا بصيغة GGUF (${p.detail}). لم يُستورد.`,
    fr: (p) => `Ce fichier n’est pas un modèle de langue au format GGUF (${p.detail}). Il n’a pas été importé.`,
    en: (p) => `This file is not a GGUF language model (${p.detail}). It was not imported.`,
  },
  'drafting.modelNotFound': {
    ar: (p) => `النموذج اللغوي «${p.model}» غير موجود. استورده من جديد أو اختر غيره.`,
    fr: (p) => `Le modèle de langue « ${p.model} » est introuvable. Importez-le à nouveau ou choisissez-en un autre.`,
    en: (p) => `Language model “${p.model}” was not found. Import it again or choose another one.`,
  },
  'drafting.tooLong': {
    ar: (p) => `هذا التدخل أطول من أن يقرأه النموذج اللغوي دفعة واحدة (${p.tokens} رمزا، والحد ${p.limit}). لم تُكتب له مسودة؛ اكتب ملخصه بنفسك أو استعمل نموذجا بسياق أوسع.`,
    fr: (p) => `Cette intervention est trop longue pour être lue d’un coup par le modèle de langue (${p.tokens} jetons pour ${p.limit} au plus). Aucun brouillon n’a été rédigé ; écrivez son résumé vous-même ou prenez un modèle au contexte plus large.`,
    en: (p) => `This intervention is too long for the language model to read at once (${p.tokens} tokens, at most ${p.limit}). No draft was written; write its summary yourself or use a model with a larger context.`,
  },
  'drafting.cancelled': {
    ar: () => 'أُلغيت صياغة الملخص. ما كُتب من قبل محفوظ.',
    fr: () => 'La rédaction du résumé a été annulée. Ce qui était déjà écrit est conservé.',
    en: () => 'Drafting the summary was cancelled. What was already written is kept.',
  },
  'drafting.crashed': {
    ar: () => 'توقف النموذج اللغوي فجأة (ربما لنقص الذاكرة). لم يتأثر الاجتماع؛ أعد المحاولة أو اختر نموذجا أصغر.',
    fr: () => 'Le modèle de langue s’est arrêté brusquement (peut-être faute de mémoire). La réunion n’est pas touchée ; réessayez ou choisissez un modèle plus petit.',
    en: () => 'The language model stopped unexpectedly (perhaps out of memory). The meeting is untouched; try again or choose a smaller model.',
  },
  'drafting.failed': {
    ar: (p) => `تعذرت صياغة الملخص بالنموذج اللغوي: ${p.detail}`,
    fr: (p) => `Le modèle de langue n’a pas pu rédiger le résumé : ${p.detail}`,
    en: (p) => `The language model could not draft the summary: ${p.detail}`,
  },
  'summary.alreadyChecked': {
    ar: () => 'كتبت الكاتبة ملخص هذا التدخل أو قبلته: لن تحل المسودة محله.',
    fr: () => 'Le résumé de cette intervention a été écrit ou accepté par le secrétariat : le brouillon ne le remplace pas.',
    en: () => 'The secretary has written or accepted this summary: the draft does not replace it.',
  },
  'passage.running': {
    ar: () => 'إعادة تفريغ مقطع جارية بالفعل لهذا الاجتماع. انتظر انتهاءها أو ألغها.',
    fr: () => 'Un passage de cette réunion est déjà en cours de retranscription. Attendez la fin ou annulez-la.',
    en: () => 'A passage of this meeting is already being transcribed again. Wait for it to finish or cancel it.',
  },
  'passage.noSpeech': {
    ar: () => 'لم يُخرج محرك التفريغ أي نص لهذا المقطع. لم يُغيَّر شيء؛ جرّب لغة أو نموذجًا آخر.',
    fr: () => 'Le moteur n’a produit aucun texte pour ce passage. Rien n’a été modifié ; essayez une autre langue ou un autre modèle.',
    en: () => 'The engine produced no text for this passage. Nothing was changed; try another language or model.',
  },
  'passage.cancelled': {
    ar: () => 'أُلغيت إعادة تفريغ المقطع. لم يُغيَّر شيء.',
    fr: () => 'La retranscription du passage a été annulée. Rien n’a été modifié.',
    en: () => 'Transcribing the passage again was cancelled. Nothing was changed.',
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
