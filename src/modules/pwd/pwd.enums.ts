import { registerEnumType } from 'type-graphql';

/** The 21 specified disabilities of the RPwD Act 2016, with the two-digit code used inside a UDID. */
export enum DisabilityType {
  BLINDNESS = 'BLINDNESS',
  LOW_VISION = 'LOW_VISION',
  LEPROSY_CURED = 'LEPROSY_CURED',
  HEARING_IMPAIRMENT = 'HEARING_IMPAIRMENT',
  LOCOMOTOR_DISABILITY = 'LOCOMOTOR_DISABILITY',
  DWARFISM = 'DWARFISM',
  INTELLECTUAL_DISABILITY = 'INTELLECTUAL_DISABILITY',
  MENTAL_ILLNESS = 'MENTAL_ILLNESS',
  AUTISM_SPECTRUM_DISORDER = 'AUTISM_SPECTRUM_DISORDER',
  CEREBRAL_PALSY = 'CEREBRAL_PALSY',
  MUSCULAR_DYSTROPHY = 'MUSCULAR_DYSTROPHY',
  CHRONIC_NEUROLOGICAL_CONDITIONS = 'CHRONIC_NEUROLOGICAL_CONDITIONS',
  SPECIFIC_LEARNING_DISABILITIES = 'SPECIFIC_LEARNING_DISABILITIES',
  MULTIPLE_SCLEROSIS = 'MULTIPLE_SCLEROSIS',
  SPEECH_AND_LANGUAGE_DISABILITY = 'SPEECH_AND_LANGUAGE_DISABILITY',
  THALASSEMIA = 'THALASSEMIA',
  HEMOPHILIA = 'HEMOPHILIA',
  SICKLE_CELL_DISEASE = 'SICKLE_CELL_DISEASE',
  MULTIPLE_DISABILITIES = 'MULTIPLE_DISABILITIES',
  ACID_ATTACK_VICTIM = 'ACID_ATTACK_VICTIM',
  PARKINSONS_DISEASE = 'PARKINSONS_DISEASE',
}

export const DISABILITY_TYPES = Object.values(DisabilityType);

/** Two-digit code of each type, as it appears at positions 6–7 of a UDID. */
export const DISABILITY_CODE: Record<DisabilityType, string> = Object.fromEntries(
  DISABILITY_TYPES.map((t, i) => [t, String(i + 1).padStart(2, '0')]),
) as Record<DisabilityType, string>;

export const DISABILITY_LABEL: Record<DisabilityType, string> = {
  BLINDNESS: 'Blindness',
  LOW_VISION: 'Low-vision',
  LEPROSY_CURED: 'Leprosy Cured persons',
  HEARING_IMPAIRMENT: 'Hearing Impairment (deaf and hard of hearing)',
  LOCOMOTOR_DISABILITY: 'Locomotor Disability',
  DWARFISM: 'Dwarfism',
  INTELLECTUAL_DISABILITY: 'Intellectual Disability',
  MENTAL_ILLNESS: 'Mental Illness',
  AUTISM_SPECTRUM_DISORDER: 'Autism Spectrum Disorder',
  CEREBRAL_PALSY: 'Cerebral Palsy',
  MUSCULAR_DYSTROPHY: 'Muscular Dystrophy',
  CHRONIC_NEUROLOGICAL_CONDITIONS: 'Chronic Neurological conditions',
  SPECIFIC_LEARNING_DISABILITIES: 'Specific Learning Disabilities',
  MULTIPLE_SCLEROSIS: 'Multiple Sclerosis',
  SPEECH_AND_LANGUAGE_DISABILITY: 'Speech and Language disability',
  THALASSEMIA: 'Thalassemia',
  HEMOPHILIA: 'Hemophilia',
  SICKLE_CELL_DISEASE: 'Sickle cell disease',
  MULTIPLE_DISABILITIES: 'Multiple Disabilities including deaf-blindness',
  ACID_ATTACK_VICTIM: 'Acid Attack victims',
  PARKINSONS_DISEASE: "Parkinson's disease",
};

export enum CertificateType { PERMANENT = 'PERMANENT', TEMPORARY = 'TEMPORARY' }
export enum CardStatus { ACTIVE = 'ACTIVE', EXPIRED = 'EXPIRED', SURRENDERED = 'SURRENDERED', CANCELLED = 'CANCELLED' }
export enum Gender { MALE = 'MALE', FEMALE = 'FEMALE', TRANSGENDER = 'TRANSGENDER' }
export enum IncomeBand {
  BELOW_1_LAKH = 'BELOW_1_LAKH',
  FROM_1_TO_2_5_LAKH = 'FROM_1_TO_2_5_LAKH',
  FROM_2_5_TO_5_LAKH = 'FROM_2_5_TO_5_LAKH',
  FROM_5_TO_10_LAKH = 'FROM_5_TO_10_LAKH',
  ABOVE_10_LAKH = 'ABOVE_10_LAKH',
}
export enum Education {
  NONE = 'NONE', PRIMARY = 'PRIMARY', SECONDARY = 'SECONDARY', HIGHER_SECONDARY = 'HIGHER_SECONDARY',
  DIPLOMA = 'DIPLOMA', GRADUATE = 'GRADUATE', POST_GRADUATE = 'POST_GRADUATE',
}
export enum Employment {
  UNEMPLOYED = 'UNEMPLOYED', STUDENT = 'STUDENT', SELF_EMPLOYED = 'SELF_EMPLOYED', SALARIED_PRIVATE = 'SALARIED_PRIVATE',
  SALARIED_GOVERNMENT = 'SALARIED_GOVERNMENT', CASUAL_LABOUR = 'CASUAL_LABOUR', HOMEMAKER = 'HOMEMAKER', RETIRED = 'RETIRED',
}

registerEnumType(DisabilityType, { name: 'DisabilityType', description: 'The 21 specified disabilities of the RPwD Act 2016' });
registerEnumType(CertificateType, { name: 'CertificateType' });
registerEnumType(CardStatus, { name: 'CardStatus' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(IncomeBand, { name: 'IncomeBand', description: 'Annual household income band (INR)' });
registerEnumType(Education, { name: 'Education' });
registerEnumType(Employment, { name: 'Employment' });
