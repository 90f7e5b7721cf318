import { PwdResolver } from '../modules/pwd/pwd.resolver';
import { ApplicationStatusResolver } from '../modules/me/me.resolver';

/** Every resolver of every module; the one list the schema is built from. */
export const RESOLVERS = [PwdResolver, ApplicationStatusResolver];
