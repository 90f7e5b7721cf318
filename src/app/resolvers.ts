import { PwdResolver } from '../modules/pwd/pwd.resolver';
import { BenefitReportResultResolver, BenefitResolver } from '../modules/benefit/benefit.resolver';

/** Every resolver of every module; the one list the schema is built from. */
export const RESOLVERS = [PwdResolver, BenefitResolver, BenefitReportResultResolver];
