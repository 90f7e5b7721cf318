/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** API (mutations) or FILE (CSV/XLSX upload) */
export type BenefitChannel =
  | 'API'
  | 'FILE';

export type BenefitGroupBy =
  | 'APPLICATION'
  | 'BENEFIT_TYPE'
  | 'SCHEME'
  | 'STATE';

/** Outcome of one reported item */
export type BenefitItemStatus =
  | 'ACCEPTED'
  | 'DUPLICATE'
  | 'REJECTED';

/** All given conditions must hold. */
export type BenefitReportFilter = {
  /** Partner admins: one application of the organisation (default: all of them) */
  applicationId?: string | number | null | undefined;
  /** Benefit date on or after */
  benefitDateFrom?: string | null | undefined;
  /** Benefit date on or before */
  benefitDateTo?: string | null | undefined;
  benefitType?: BenefitType | null | undefined;
  clientReference?: string | null | undefined;
  schemeCode?: string | null | undefined;
  status?: BenefitReportStatus | null | undefined;
  udid?: string | null | undefined;
};

/** One benefit delivered to one PwD. clientReference is the idempotency key: a retry returns the original report. */
export type BenefitReportInput = {
  /** Amount in paise (₹1 = 100 paise): a whole number ≥ 0; omit for in-kind benefits */
  amountPaise?: number | null | undefined;
  /** Date the benefit was delivered, YYYY-MM-DD; not in the future, not before the UDID card was issued */
  benefitDate: string;
  benefitType: BenefitType;
  /** Your unique reference for this report (idempotency key per application): letters, digits and . _ : / # -; up to 100 */
  clientReference: string;
  /** Free text, up to 500 characters; no personal data beyond what the scheme needs */
  remarks?: string | null | undefined;
  /** Your scheme code, e.g. "IGNDPS" (letters, digits and . _ / -; up to 40) */
  schemeCode: string;
  /** Scheme name as known to beneficiaries (up to 200 characters) */
  schemeName: string;
  /** UDID of the beneficiary: 2 capital letters then 16 digits */
  udid: string;
};

/** ACTIVE, or REVERSED by the reporting application (the row is kept) */
export type BenefitReportStatus =
  | 'ACTIVE'
  | 'REVERSED';

/** Kind of benefit delivered to the PwD */
export type BenefitType =
  | 'ASSISTIVE_DEVICE'
  | 'CASH_TRANSFER'
  | 'CONCESSION'
  | 'EMPLOYMENT'
  | 'HEALTH_SERVICE'
  | 'OTHER'
  | 'PENSION'
  | 'SCHOLARSHIP'
  | 'SKILL_TRAINING';

export type CardStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'EXPIRED'
  | 'SURRENDERED';

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

/** Benefit-reporting standing of an application (reciprocity, DESIGN.md §8) */
export type ReportingStatus =
  | 'CURRENT'
  | 'DUE_SOON'
  | 'NOT_REQUIRED'
  | 'SUSPENDED';

export type BenefitReportFieldsFragment = { id: string, udid: string, schemeCode: string, schemeName: string, benefitType: BenefitType, amountPaise: number | null, benefitDate: string, clientReference: string, remarks: string | null, channel: BenefitChannel, status: BenefitReportStatus, reportedAt: string, reversedAt: string | null, reversalReason: string | null };

export type ReportBenefitMutationVariables = Exact<{
  input: BenefitReportInput;
}>;


export type ReportBenefitMutation = { reportBenefit: { index: number, clientReference: string | null, status: BenefitItemStatus, duplicateOf: string | null, report: { id: string, udid: string, schemeCode: string, schemeName: string, benefitType: BenefitType, amountPaise: number | null, benefitDate: string, clientReference: string, remarks: string | null, channel: BenefitChannel, status: BenefitReportStatus, reportedAt: string, reversedAt: string | null, reversalReason: string | null } | null, errors: Array<{ field: string | null, code: string, message: string }> } };

export type ReportBenefitsMutationVariables = Exact<{
  inputs: Array<BenefitReportInput> | BenefitReportInput;
}>;


export type ReportBenefitsMutation = { reportBenefits: { accepted: number, duplicates: number, rejected: number, results: Array<{ index: number, clientReference: string | null, status: BenefitItemStatus, duplicateOf: string | null, report: { id: string, clientReference: string, udid: string } | null, errors: Array<{ field: string | null, code: string, message: string }> }> } };

export type ReverseBenefitReportMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReverseBenefitReportMutation = { reverseBenefitReport: { id: string, udid: string, schemeCode: string, schemeName: string, benefitType: BenefitType, amountPaise: number | null, benefitDate: string, clientReference: string, remarks: string | null, channel: BenefitChannel, status: BenefitReportStatus, reportedAt: string, reversedAt: string | null, reversalReason: string | null } };

export type BenefitReportsQueryVariables = Exact<{
  filter?: BenefitReportFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BenefitReportsQuery = { benefitReports: { edges: Array<{ cursor: string, node: { id: string, udid: string, schemeCode: string, schemeName: string, benefitType: BenefitType, amountPaise: number | null, benefitDate: string, clientReference: string, remarks: string | null, channel: BenefitChannel, status: BenefitReportStatus, reportedAt: string, reversedAt: string | null, reversalReason: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BenefitSummaryQueryVariables = Exact<{
  groupBy: BenefitGroupBy;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type BenefitSummaryQuery = { benefitSummary: { groupBy: BenefitGroupBy, from: string | null, to: string | null, groups: Array<{ key: string, label: string | null, reports: number, beneficiaries: number, totalAmountPaise: number }>, total: { key: string, reports: number, beneficiaries: number, totalAmountPaise: number } } };

export type ReciprocityByApplicationQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ReciprocityByApplicationQuery = { reciprocityByApplication: Array<{ applicationId: string, applicationName: string, organizationName: string, recordsAccessed: number, distinctPwdsAccessed: number, pwdsReportedBenefited: number, benefitReports: number, coverageRatio: number | null, reporting: { status: ReportingStatus, lastReportAt: string | null, dueBy: string | null, graceDays: number, message: string } }> };

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

export const BenefitReportFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BenefitReportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeName"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"benefitDate"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversalReason"}}]}}]} as unknown as DocumentNode<BenefitReportFieldsFragment, unknown>;
export const ReportBenefitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportBenefit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportBenefit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateOf"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BenefitReportFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BenefitReportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeName"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"benefitDate"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversalReason"}}]}}]} as unknown as DocumentNode<ReportBenefitMutation, ReportBenefitMutationVariables>;
export const ReportBenefitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportBenefits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReportInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportBenefits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateOf"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReportBenefitsMutation, ReportBenefitsMutationVariables>;
export const ReverseBenefitReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReverseBenefitReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reverseBenefitReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BenefitReportFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BenefitReportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeName"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"benefitDate"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversalReason"}}]}}]} as unknown as DocumentNode<ReverseBenefitReportMutation, ReverseBenefitReportMutationVariables>;
export const BenefitReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BenefitReports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReportFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benefitReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BenefitReportFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BenefitReportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"schemeCode"}},{"kind":"Field","name":{"kind":"Name","value":"schemeName"}},{"kind":"Field","name":{"kind":"Name","value":"benefitType"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"benefitDate"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversalReason"}}]}}]} as unknown as DocumentNode<BenefitReportsQuery, BenefitReportsQueryVariables>;
export const BenefitSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BenefitSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitGroupBy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benefitSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupBy"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"reports"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmountPaise"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reports"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmountPaise"}}]}}]}}]}}]} as unknown as DocumentNode<BenefitSummaryQuery, BenefitSummaryQueryVariables>;
export const ReciprocityByApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReciprocityByApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reciprocityByApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"applicationName"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"recordsAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"distinctPwdsAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"pwdsReportedBenefited"}},{"kind":"Field","name":{"kind":"Name","value":"benefitReports"}},{"kind":"Field","name":{"kind":"Name","value":"coverageRatio"}},{"kind":"Field","name":{"kind":"Name","value":"reporting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastReportAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReciprocityByApplicationQuery, ReciprocityByApplicationQueryVariables>;
export const PwdByUdidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdByUdid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}}]}}]}}]} as unknown as DocumentNode<PwdByUdidQuery, PwdByUdidQueryVariables>;
export const PwdPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PwdFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PwdPageQuery, PwdPageQueryVariables>;
export const VerifyUdidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyUdid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateOfBirth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyUdid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateOfBirth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateOfBirth"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"percentageBand"}}]}}]}}]} as unknown as DocumentNode<VerifyUdidQuery, VerifyUdidQueryVariables>;