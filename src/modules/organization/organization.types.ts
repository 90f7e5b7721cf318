import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { OrganizationCategory, OrganizationEntity, OrganizationStatus } from './organization.entity';
import { PageInfo } from '../pwd/pwd.types';
import { ApplicationType } from '../application/application.types';

registerEnumType(OrganizationCategory, { name: 'OrganizationCategory', description: 'Government, PSU or Private (the Department form)' });
registerEnumType(OrganizationStatus, {
  name: 'OrganizationStatus',
  description: 'REGISTERED → APPROVED (DEPwD) → ACTIVE (NIC). DEACTIVATED: a new MoU was recorded after a lapse; it needs approval and activation again.',
});

/** An organisation (the SOP's Department form) and where it stands in onboarding. */
@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID) id!: number;
  @Field() name!: string;
  @Field() address!: string;
  @Field() contactPerson!: string;
  @Field() designation!: string;
  @Field() email!: string;
  @Field() mobile!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field() city!: string;
  @Field() state!: string;
  @Field() pincode!: string;
  @Field(() => OrganizationCategory) category!: OrganizationCategory;
  @Field(() => OrganizationStatus) status!: OrganizationStatus;
  @Field(() => GraphQLDateTime) registeredAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) approvedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) activatedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) deactivatedAt!: Date | null;
  @Field(() => String, { nullable: true }) deactivationReason!: string | null;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
  // mouInForce, mous, applications, partnerAdmins: field resolvers (organization.resolver.ts), through loaders.
}

@ObjectType('OrganizationEdge')
export class OrganizationEdge {
  @Field() cursor!: string;
  @Field(() => OrganizationType) node!: OrganizationType;
}

@ObjectType('OrganizationConnection')
export class OrganizationConnection {
  @Field(() => [OrganizationEdge]) edges!: OrganizationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

/** What `registerOrganization` created: the organisation and its first application request. */
@ObjectType('Registration')
export class RegistrationResult {
  @Field(() => OrganizationType) organization!: OrganizationType;
  @Field(() => ApplicationType, { description: 'The application request made with the Application form' }) application!: ApplicationType;
  @Field({ description: 'What happens next, in SOP order' }) nextSteps!: string;
}

export function toOrganization(e: OrganizationEntity): OrganizationType {
  return Object.assign(new OrganizationType(), {
    id: e.id, name: e.name, address: e.address, contactPerson: e.contactPerson, designation: e.designation, email: e.email,
    mobile: e.mobile, phone: e.phone, city: e.city, state: e.state, pincode: e.pincode,
    category: e.category as OrganizationCategory, status: e.status as OrganizationStatus, registeredAt: e.registeredAt,
    approvedAt: e.approvedAt, activatedAt: e.activatedAt, deactivatedAt: e.deactivatedAt, deactivationReason: e.deactivationReason,
    updatedAt: e.updatedAt,
  });
}
