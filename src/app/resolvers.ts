import { PwdResolver } from '../modules/pwd/pwd.resolver';

/** Every resolver of every module; the one list the schema is built from. */
export const RESOLVERS = [PwdResolver];
