import type { ContainerType } from 'type-graphql';
import { PwdResolver } from '../modules/pwd/pwd.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { MouResolver } from '../modules/mou/mou.resolver';
import { ApplicationResolver } from '../modules/application/application.resolver';
import { StaffResolver } from '../modules/staff/staff.resolver';
import { OutboxResolver } from '../modules/staff/outbox.resolver';
import { SopResolver } from '../modules/sop/sop.resolver';
import { ApplicationPurposesResolver, PurposeResolver } from '../modules/purpose/purpose.resolver';
import { ConsentResolver } from '../modules/consent/consent.resolver';
import { OversightResolver } from '../modules/oversight/oversight.resolver';
import { ApplicationStatusResolver } from '../modules/me/me.resolver';
import { BenefitReportResultResolver, BenefitResolver } from '../modules/benefit/benefit.resolver';
import type { Services } from './services';

/** Every resolver of every module; the one list the schema is built from. */
export const RESOLVERS = [PwdResolver, OrganizationResolver, MouResolver, ApplicationResolver, StaffResolver, OutboxResolver, SopResolver, PurposeResolver, ApplicationPurposesResolver, ConsentResolver, ApplicationStatusResolver, OversightResolver, BenefitResolver, BenefitReportResultResolver];

/**
 * type-graphql's `container`: the resolver instances of one server, each constructed with its
 * services (one instance per class, shared by every request; the request comes as the context).
 */
export function resolverContainer(s: Services): ContainerType {
  const instances = new Map<Function, object>([
    [PwdResolver, new PwdResolver(s.pwd)],
    [OrganizationResolver, new OrganizationResolver(s.organization)],
    [MouResolver, new MouResolver(s.mou, s.destruction)],
    [ApplicationResolver, new ApplicationResolver(s.application, s.applicationAccess)],
    [StaffResolver, new StaffResolver(s.staff)],
    [OutboxResolver, new OutboxResolver(s.outboxAdmin)],
    [SopResolver, new SopResolver(s.sop)],
    [PurposeResolver, new PurposeResolver(s.purposes)],
    [ApplicationPurposesResolver, new ApplicationPurposesResolver(s.purposes)],
    [ConsentResolver, new ConsentResolver(s.consents)],
    [ApplicationStatusResolver, new ApplicationStatusResolver(s.applicationStatus)],
    [OversightResolver, new OversightResolver(s.oversight)],
    [BenefitResolver, new BenefitResolver(s.benefit, s.benefitAnalytics)],
    [BenefitReportResultResolver, new BenefitReportResultResolver(s.benefit)],
  ]);
  return { get: (cls: Function) => instances.get(cls) ?? missing(cls) };
}

/** A schema built without services (emitting SDL, rule-map tests) describes the API but cannot execute it. */
export const NO_SERVICES: ContainerType = { get: (cls: Function) => missing(cls) };

function missing(cls: Function): never {
  throw new Error(`no resolver instance for ${cls.name}: build the schema with resolverContainer(services)`);
}
