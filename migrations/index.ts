import { InitialSchema1795762683735 } from './1795762683735-InitialSchema';
import { BenefitReciprocity1795800000000 } from './1795800000000-BenefitReciprocity';

/** Every migration, in order. The same files run on SQLite and MySQL/MariaDB. */
export const MIGRATIONS = [InitialSchema1795762683735, BenefitReciprocity1795800000000];
