import { PwdResolver } from '../modules/pwd/pwd.resolver';
import { OversightResolver } from '../modules/oversight/oversight.resolver';

/** Every resolver of every module; the one list the schema is built from. */
export const RESOLVERS = [PwdResolver, OversightResolver];
