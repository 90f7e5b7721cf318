/** The labels of /me/record in English and Hindi (one key set; `hi` must name every key `en` does). */
export type Lang = 'en' | 'hi';
export const LANGS: readonly Lang[] = ['en', 'hi'];

const en = {
  title: 'Who read my UDID record',
  intro: 'See which organisations read your UDID record, when and why, the benefits they reported for you, and withdraw a consent you gave.',
  langName: 'English',
  signInHeading: 'Sign in',
  udid: 'UDID number',
  udidHint: '18 characters: two letters, then 16 digits, as printed on your UDID card.',
  dob: 'Date of birth',
  sendCode: 'Send me a code',
  codeHeading: 'Enter the code',
  codeSent: 'If the UDID and date of birth match our records, we have sent a 6-digit code by SMS to the mobile number registered with your UDID card. It is valid for 10 minutes.',
  code: '6-digit code',
  verify: 'Sign in',
  codeWrong: 'That code is not right. Tries left: {n}.',
  codeDead: 'This code has expired or was entered wrongly too many times. Ask for a new code.',
  startAgain: 'Ask for a new code',
  badFormat: 'Enter the 18-character UDID (two letters, then 16 digits) and your date of birth.',
  badCode: 'Enter the 6 digits of the code.',
  throttled: 'Too many attempts. Try again in {m} minutes.',
  csrf: 'This form has expired or did not come from this page. Open the page again and retry.',
  sessionEnded: 'You are signed out. Sign in again to see your record.',
  signedOut: 'You have signed out.',
  signOut: 'Sign out',
  signedInAs: 'Signed in with UDID {udid}. The session ends by itself after 15 minutes.',
  readsHeading: 'Who read your record',
  readsEmpty: 'No organisation has read your record.',
  when: 'When (IST)',
  organisation: 'Organisation',
  application: 'Application',
  fields: 'What was read',
  consentFields: 'What they may read',
  purpose: 'Purpose',
  consent: 'Consent',
  noConsent: '—',
  benefitsHeading: 'Benefits reported for you',
  benefitsEmpty: 'No benefit has been reported for you.',
  scheme: 'Scheme',
  type: 'Type',
  amount: 'Amount (₹)',
  date: 'Date',
  status: 'Status',
  inKind: 'In kind',
  reported: 'Reported',
  reversed: 'Withdrawn by the organisation',
  consentsHeading: 'Your consents',
  consentsEmpty: 'You have given no consent.',
  consentsIntro: 'An organisation whose purpose rests on your consent may read only the fields you agreed to, only while the consent is active. Revoking it stops that at once.',
  validity: 'Valid',
  fromTo: '{a} to {b}',
  action: 'Action',
  revoke: 'Revoke',
  revokeLabel: 'Revoke the consent given to {org} for {purpose}',
  revoked: 'Consent revoked. {org} can no longer read your record under it.',
  notFound: 'There is no such consent for your record.',
  alreadyRevoked: 'This consent was already revoked.',
  unavailable: 'The service is temporarily unavailable. Try again in a few minutes.',
  errorCode: 'Error code',
  languages: 'Language',
  s7b: 'State benefit (DPDP Act s7(b))',
  byConsent: 'Your consent',
} as const;

export type LabelKey = keyof typeof en;

const hi: Record<LabelKey, string> = {
  title: 'मेरा UDID रिकॉर्ड किसने देखा',
  intro: 'देखें कि किन संस्थाओं ने आपका UDID रिकॉर्ड कब और क्यों पढ़ा, उन्होंने आपके लिए कौन-से लाभ दर्ज किए, और दी गई सहमति वापस लें।',
  langName: 'हिन्दी',
  signInHeading: 'साइन इन करें',
  udid: 'UDID संख्या',
  udidHint: '18 अक्षर: दो अंग्रेज़ी अक्षर, फिर 16 अंक, जैसा आपके UDID कार्ड पर छपा है।',
  dob: 'जन्म तिथि',
  sendCode: 'मुझे कोड भेजें',
  codeHeading: 'कोड दर्ज करें',
  codeSent: 'यदि UDID और जन्म तिथि हमारे रिकॉर्ड से मेल खाते हैं, तो आपके UDID कार्ड से पंजीकृत मोबाइल नंबर पर SMS द्वारा 6 अंकों का कोड भेजा गया है। यह 10 मिनट तक मान्य है।',
  code: '6 अंकों का कोड',
  verify: 'साइन इन करें',
  codeWrong: 'यह कोड सही नहीं है। शेष प्रयास: {n}।',
  codeDead: 'इस कोड की समय-सीमा समाप्त हो गई है या इसे बहुत बार गलत दर्ज किया गया। नया कोड मांगें।',
  startAgain: 'नया कोड मांगें',
  badFormat: '18 अक्षरों का UDID (दो अंग्रेज़ी अक्षर, फिर 16 अंक) और अपनी जन्म तिथि दर्ज करें।',
  badCode: 'कोड के 6 अंक दर्ज करें।',
  throttled: 'बहुत अधिक प्रयास। {m} मिनट बाद फिर से प्रयास करें।',
  csrf: 'यह फ़ॉर्म पुराना हो गया है या इस पेज से नहीं आया। पेज फिर से खोलें और दोबारा प्रयास करें।',
  sessionEnded: 'आप साइन आउट हैं। अपना रिकॉर्ड देखने के लिए फिर से साइन इन करें।',
  signedOut: 'आपने साइन आउट कर लिया है।',
  signOut: 'साइन आउट',
  signedInAs: 'UDID {udid} से साइन इन। सत्र 15 मिनट बाद अपने आप समाप्त हो जाता है।',
  readsHeading: 'आपका रिकॉर्ड किसने पढ़ा',
  readsEmpty: 'किसी भी संस्था ने आपका रिकॉर्ड नहीं पढ़ा है।',
  when: 'कब (IST)',
  organisation: 'संस्था',
  application: 'एप्लिकेशन',
  fields: 'क्या पढ़ा गया',
  consentFields: 'वे क्या पढ़ सकते हैं',
  purpose: 'उद्देश्य',
  consent: 'सहमति',
  noConsent: '—',
  benefitsHeading: 'आपके लिए दर्ज लाभ',
  benefitsEmpty: 'आपके लिए कोई लाभ दर्ज नहीं किया गया है।',
  scheme: 'योजना',
  type: 'प्रकार',
  amount: 'राशि (₹)',
  date: 'तिथि',
  status: 'स्थिति',
  inKind: 'वस्तु के रूप में',
  reported: 'दर्ज',
  reversed: 'संस्था द्वारा वापस लिया गया',
  consentsHeading: 'आपकी सहमतियाँ',
  consentsEmpty: 'आपने कोई सहमति नहीं दी है।',
  consentsIntro: 'जिस संस्था का उद्देश्य आपकी सहमति पर आधारित है, वह केवल वही जानकारी पढ़ सकती है जिसके लिए आपने सहमति दी है, और केवल तब तक जब तक सहमति सक्रिय है। सहमति वापस लेते ही यह तुरंत बंद हो जाता है।',
  validity: 'वैधता',
  fromTo: '{a} से {b} तक',
  action: 'कार्रवाई',
  revoke: 'वापस लें',
  revokeLabel: '{org} को {purpose} के लिए दी गई सहमति वापस लें',
  revoked: 'सहमति वापस ले ली गई। {org} अब इसके आधार पर आपका रिकॉर्ड नहीं पढ़ सकती।',
  notFound: 'आपके रिकॉर्ड के लिए ऐसी कोई सहमति नहीं है।',
  alreadyRevoked: 'यह सहमति पहले ही वापस ली जा चुकी है।',
  unavailable: 'सेवा अस्थायी रूप से उपलब्ध नहीं है। कुछ मिनट बाद फिर से प्रयास करें।',
  errorCode: 'त्रुटि कोड',
  languages: 'भाषा',
  s7b: 'सरकारी लाभ (DPDP अधिनियम धारा 7(ख))',
  byConsent: 'आपकी सहमति',
};

const LABELS: Record<Lang, Record<LabelKey, string>> = { en, hi };

/** A label with its {placeholders} filled (values are plain text; the page escapes the result). */
export function label(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return LABELS[lang][key].replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? ''));
}

/** PwdRecord (and verifyUdid) field names as the person reads them. */
const FIELDS: Record<string, [string, string]> = {
  udid: ['UDID', 'UDID'],
  cardStatus: ['Card status', 'कार्ड की स्थिति'],
  name: ['Name', 'नाम'],
  nameRegional: ['Name (regional language)', 'नाम (क्षेत्रीय भाषा)'],
  guardianName: ['Father\'s / guardian\'s name', 'पिता / अभिभावक का नाम'],
  gender: ['Gender', 'लिंग'],
  dateOfBirth: ['Date of birth', 'जन्म तिथि'],
  mobile: ['Mobile', 'मोबाइल'],
  email: ['Email', 'ईमेल'],
  address: ['Address', 'पता'],
  pincode: ['PIN code', 'पिन कोड'],
  district: ['District', 'ज़िला'],
  state: ['State', 'राज्य'],
  disabilities: ['Disability types', 'दिव्यांगता के प्रकार'],
  disabilityPercentage: ['Disability percentage', 'दिव्यांगता प्रतिशत'],
  certificateType: ['Certificate type', 'प्रमाणपत्र का प्रकार'],
  certificateNumber: ['Certificate number', 'प्रमाणपत्र संख्या'],
  certificateIssuedOn: ['Certificate issue date', 'प्रमाणपत्र जारी होने की तिथि'],
  validUntil: ['Valid until', 'वैधता तिथि'],
  issuingAuthority: ['Issuing authority', 'जारी करने वाला प्राधिकारी'],
  education: ['Education', 'शिक्षा'],
  employment: ['Employment', 'रोज़गार'],
  incomeBand: ['Income band', 'आय वर्ग'],
  belowPovertyLine: ['BPL status', 'बीपीएल स्थिति'],
  aadhaarLast4: ['Aadhaar (last 4 digits)', 'आधार (अंतिम 4 अंक)'],
  valid: ['Whether your UDID is valid', 'आपका UDID मान्य है या नहीं'],
  percentageBand: ['Disability percentage band', 'दिव्यांगता प्रतिशत श्रेणी'],
  exists: ['Whether you are in the UDID register (checked with a benefit report)', 'क्या आप UDID रजिस्टर में हैं (लाभ रिपोर्ट के साथ जाँचा गया)'],
};

export function fieldLabel(lang: Lang, field: string): string {
  const f = FIELDS[field];
  return f ? f[lang === 'hi' ? 1 : 0] : field;
}

const BENEFIT_TYPES: Record<string, [string, string]> = {
  CASH_TRANSFER: ['Cash transfer', 'नकद हस्तांतरण'],
  PENSION: ['Pension', 'पेंशन'],
  SCHOLARSHIP: ['Scholarship', 'छात्रवृत्ति'],
  ASSISTIVE_DEVICE: ['Assistive device', 'सहायक उपकरण'],
  SKILL_TRAINING: ['Skill training', 'कौशल प्रशिक्षण'],
  EMPLOYMENT: ['Employment', 'रोज़गार'],
  HEALTH_SERVICE: ['Health service', 'स्वास्थ्य सेवा'],
  CONCESSION: ['Concession', 'रियायत'],
  OTHER: ['Other', 'अन्य'],
};

export function benefitTypeLabel(lang: Lang, type: string): string {
  const t = BENEFIT_TYPES[type];
  return t ? t[lang === 'hi' ? 1 : 0] : type;
}

const CONSENT_STATUS: Record<string, [string, string]> = {
  LIVE: ['Active', 'सक्रिय'],
  NOT_YET_VALID: ['Not yet valid', 'अभी मान्य नहीं'],
  EXPIRED: ['Expired', 'समाप्त'],
  REVOKED: ['Revoked', 'वापस ली गई'],
};

export function consentStatusLabel(lang: Lang, status: string): string {
  const s = CONSENT_STATUS[status];
  return s ? s[lang === 'hi' ? 1 : 0] : status;
}
