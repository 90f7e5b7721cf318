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


export const PwdByUdidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdByUdid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}}]}}]}}]} as unknown as DocumentNode<PwdByUdidQuery, PwdByUdidQueryVariables>;
export const PwdPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PwdPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PwdFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pwds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"disabilities"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityPercentage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PwdPageQuery, PwdPageQueryVariables>;
export const VerifyUdidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyUdid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"udid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UDID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateOfBirth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyUdid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"udid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"udid"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateOfBirth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateOfBirth"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"percentageBand"}}]}}]}}]} as unknown as DocumentNode<VerifyUdidQuery, VerifyUdidQueryVariables>;