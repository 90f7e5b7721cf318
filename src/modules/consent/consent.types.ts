import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DateScalar } from '../../core/scalars';
import { ConsentEntity, ConsentFrequencyUnit, ConsentRevokedBy } from './consent.entity';

export enum ConsentStatus { LIVE = 'LIVE', NOT_YET_VALID = 'NOT_YET_VALID', EXPIRED = 'EXPIRED', REVOKED = 'REVOKED' }

registerEnumType(ConsentFrequencyUnit, { name: 'ConsentFrequencyUnit' });
registerEnumType(ConsentRevokedBy, { name: 'ConsentRevokedBy', description: 'PARTNER (the data consumer), PERSON (on /me/record) or DEPWD' });
registerEnumType(ConsentStatus, { name: 'ConsentStatus', description: 'Computed from the calendar today: LIVE covers disclosures' });

@ObjectType('ConsentFrequency', { description: 'How often the consent lets the record be read (declared; the daily quota is what is enforced)' })
export class ConsentFrequency {
  @Field(() => ConsentFrequencyUnit) unit!: ConsentFrequencyUnit;
  @Field(() => Int) value!: number;
}

@ObjectType('ConsentArtefact', { description: 'A person\'s consent for a CONSENT purpose (API Setu ConsentArtifact shape): while LIVE, it covers disclosures of these fields of this UDID.' })
export class ConsentArtefactType {
  @Field(() => ID, { description: 'The artefact id (UUID) every disclosure it covers names' }) consentId!: string;
  @Field() udid!: string;
  @Field(() => ID) organizationId!: number;
  @Field(() => ID) applicationId!: number;
  @Field({ description: 'The purpose code' }) purpose!: string;
  @Field(() => [String], { description: 'PwdRecord fields the person agreed to share' }) fields!: string[];
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { description: 'Last day covered (inclusive)' }) validTo!: string;
  @Field(() => ConsentFrequency) frequency!: ConsentFrequency;
  @Field(() => ConsentStatus) status!: ConsentStatus;
  @Field(() => GraphQLDateTime) recordedAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => ConsentRevokedBy, { nullable: true }) revokedBy!: ConsentRevokedBy | null;
  @Field({ description: 'The artefact as issued: canonical JSON in the API Setu ConsentArtifact shape' }) artefact!: string;
}

export function consentStatus(c: { validFrom: string; validTo: string; revokedAt: Date | null }, today: string): ConsentStatus {
  if (c.revokedAt) return ConsentStatus.REVOKED;
  if (today < c.validFrom) return ConsentStatus.NOT_YET_VALID;
  if (today > c.validTo) return ConsentStatus.EXPIRED;
  return ConsentStatus.LIVE;
}

export function toConsent(c: ConsentEntity, purposeCode: string, today: string): ConsentArtefactType {
  return Object.assign(new ConsentArtefactType(), {
    consentId: c.consentId, udid: c.udid, organizationId: c.organizationId, applicationId: c.applicationId, purpose: purposeCode,
    fields: c.fields, validFrom: c.validFrom, validTo: c.validTo,
    frequency: Object.assign(new ConsentFrequency(), { unit: c.frequencyUnit as ConsentFrequencyUnit, value: c.frequencyValue }),
    status: consentStatus(c, today), recordedAt: c.recordedAt, revokedAt: c.revokedAt, revokedBy: c.revokedBy as ConsentRevokedBy | null, artefact: c.artefact,
  });
}
