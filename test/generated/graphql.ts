/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CardStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'EXPIRED'
  | 'SURRENDERED';

export type CertificateType =
  | 'PERMANENT'
  | 'TEMPORARY';

/** The 21 specified disabilities of the RPwD Act 2016 */
export type DisabilityType =
  | 'ACID_ATTACK_VICTIM'
  | 'AUTISM_SPECTRUM_DISORDER'
  | 'BLINDNESS'
  | 'CEREBRAL_PALSY'
  | 'CHRONIC_NEUROLOGICAL_CONDITIONS'
  | 'DWARFISM'
  | 'HEARING_IMPAIRMENT'
  | 'HEMOPHILIA'
  | 'INTELLECTUAL_DISABILITY'
  | 'LEPROSY_CURED'
  | 'LOCOMOTOR_DISABILITY'
  | 'LOW_VISION'
  | 'MENTAL_ILLNESS'
  | 'MULTIPLE_DISABILITIES'
  | 'MULTIPLE_SCLEROSIS'
  | 'MUSCULAR_DYSTROPHY'
  | 'PARKINSONS_DISEASE'
  | 'SICKLE_CELL_DISEASE'
  | 'SPECIFIC_LEARNING_DISABILITIES'
  | 'SPEECH_AND_LANGUAGE_DISABILITY'
  | 'THALASSEMIA';

export type Education =
  | 'DIPLOMA'
  | 'GRADUATE'
  | 'HIGHER_SECONDARY'
  | 'NONE'
  | 'POST_GRADUATE'
  | 'PRIMARY'
  | 'SECONDARY';

export type Employment =
  | 'CASUAL_LABOUR'
  | 'HOMEMAKER'
  | 'RETIRED'
  | 'SALARIED_GOVERNMENT'
  | 'SALARIED_PRIVATE'
  | 'SELF_EMPLOYED'
  | 'STUDENT'
  | 'UNEMPLOYED';

export type Gender =
  | 'FEMALE'
  | 'MALE'
  | 'TRANSGENDER';

/** Annual household income band (INR) */
export type IncomeBand =
  | 'ABOVE_10_LAKH'
  | 'BELOW_1_LAKH'
  | 'FROM_1_TO_2_5_LAKH'
  | 'FROM_2_5_TO_5_LAKH'
  | 'FROM_5_TO_10_LAKH';

/** All given conditions must hold. At least the state is usually given. */
export type PwdFilter = {
  disabilityType?: DisabilityType | null | undefined;
  /** District name as on the record, e.g. "Pune" */
  district?: string | null | undefined;
  /** Highest disability percentage, 0–100 */
  percentageMax?: number | null | undefined;
  /** Lowest disability percentage, 0–100 */
  percentageMin?: number | null | undefined;
  /** Two-letter state code of the UDID, e.g. "MH" */
  state?: string | null | undefined;
  /** Only records updated at or after this instant */
  updatedSince?: string | null | undefined;
};

/** Data-sharing scopes; in tokens and /oauth/token they are written pwd:identity, benefit:write, … */
export type Scope =
  /** benefit:read */
  | 'BENEFIT_READ'
  /** benefit:write */
  | 'BENEFIT_WRITE'
  /** pwd:aadhaar */
  | 'PWD_AADHAAR'
  /** pwd:contact */
  | 'PWD_CONTACT'
  /** pwd:disability */
  | 'PWD_DISABILITY'
  /** pwd:identity */
  | 'PWD_IDENTITY'
  /** pwd:search */
  | 'PWD_SEARCH'
  /** pwd:socioeconomic */
  | 'PWD_SOCIOECONOMIC'
  /** pwd:verify */
  | 'PWD_VERIFY';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { grantedScopes: Array<Scope>, approvedScopes: Array<Scope>, application: { id: string, name: string, clientId: string, status: string }, organization: { id: string, name: string, status: string }, mou: { reference: string, effectiveFrom: string, expiresOn: string, daysLeft: number } | null, costBudget: { maximumAvailable: number, currentlyAvailable: number, restoreRate: number }, dailyRecordQuota: { limit: number, used: number, remaining: number, resetsAt: string }, benefitReporting: { firstRecordAccessAt: string | null, lastBenefitReportAt: string | null, graceDays: number, dueBy: string | null, overdue: boolean } } };

export type PwdAcrossScopesQueryVariables = Exact<{
  udid: string;
}>;


export type PwdAcrossScopesQuery = { pwd: { udid: string | null, cardStatus: CardStatus | null, name: string | null, mobile: string | null, disabilities: Array<DisabilityType> | null, aadhaarLast4: string | null } | null };

export type PwdFullPageQueryVariables = Exact<{
  filter: PwdFilter;
  first?: number | null | undefined;
}>;


export type PwdFullPageQuery = { pwds: { edges: Array<{ cursor: string, node: { udid: string | null, cardStatus: CardStatus | null, name: string | null, nameRegional: string | null, guardianName: string | null, gender: Gender | null, dateOfBirth: string | null, mobile: string | null, email: string | null, address: string | null, pincode: string | null, district: string | null, state: string | null, disabilities: Array<DisabilityType> | null, disabilityPercentage: number | null, certificateType: CertificateType | null, certificateNumber: string | null, certificateIssuedOn: string | null, validUntil: string | null, issuingAuthority: string | null, education: Education | null, employment: Employment | null, incomeBand: IncomeBand | null, belowPovertyLine: boolean | null, aadhaarLast4: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PwdByUdidQueryVariables = Exact<{
  udid: string;
}>;


export type PwdByUdidQuery = { pwd: { udid: string | null, cardStatus: CardStatus | null, name: string | null, dateOfBirth: string | null, disabilities: Array<DisabilityType> | null, disabilityPercentage: number | null } | null };

export type PwdPageQueryVariables = Exact<{
  filter: PwdFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PwdPageQuery = { pwds: { edges: Array<{ cursor: string, node: { udid: string | null, name: string | null, state: string | null, district: string | null, disabilities: Array<DisabilityType> | null, disabilityPercentage: number | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VerifyUdidQueryVariables = Exact<{
  udid: string;
  dateOfBirth: string;
}>;


export type VerifyUdidQuery = { verifyUdid: { udid: string, valid: boolean, cardStatus: CardStatus | null, validUntil: string | null, percentageBand: string | null } };


export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"approvedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"mou"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maximumAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"currentlyAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"restoreRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dailyRecordQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefitReporting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstRecordAccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastBenefitReportAt"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const PwdAcrossScopesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdAcrossScopes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"aadhaarLast4"}}]}}]}}]} as unknown as DocumentNode<PwdAcrossScopesQuery, PwdAcrossScopesQueryVariables>;
export const PwdFullPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdFullPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PwdFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameRegional"}},{"kind":"Field","name":{"kind":"Name","value":"guardianName"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"pincode"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"certificateIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"issuingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"education"}},{"kind":"Field","name":{"kind":"Name","value":"employment"}},{"kind":"Field","name":{"kind":"Name","value":"incomeBand"}},{"kind":"Field","name":{"kind":"Name","value":"belowPovertyLine"}},{"kind":"Field","name":{"kind":"Name","value":"aadhaarLast4"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PwdFullPageQuery, PwdFullPageQueryVariables>;
export const PwdByUdidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdByUdid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}}]}}]}}]} as unknown as DocumentNode<PwdByUdidQuery, PwdByUdidQueryVariables>;
export const PwdPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PwdFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PwdPageQuery, PwdPageQueryVariables>;
export const VerifyUdidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyUdid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateOfBirth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyUdid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateOfBirth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateOfBirth"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"percentageBand"}}]}}]}}]} as unknown as DocumentNode<VerifyUdidQuery, VerifyUdidQueryVariables>;