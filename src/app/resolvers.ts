import { PwdEdgeResolver, PwdResolver } from '../modules/pwd/pwd.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { MouResolver } from '../modules/mou/mou.resolver';
import { ApplicationResolver } from '../modules/application/application.resolver';
import { StaffResolver } from '../modules/staff/staff.resolver';
import { OversightResolver } from '../modules/oversight/oversight.resolver';
import { ApplicationStatusResolver } from '../modules/me/me.resolver';
import { BenefitReportResultResolver, BenefitResolver } from '../modules/benefit/benefit.resolver';

/** Every resolver of every module; the one list the schema is built from. */
export const RESOLVERS = [PwdResolver, PwdEdgeResolver, OrganizationResolver, MouResolver, ApplicationResolver, StaffResolver, ApplicationStatusResolver, OversightResolver, BenefitResolver, BenefitReportResultResolver];
