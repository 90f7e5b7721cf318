import { InitialSchema1795762683735 } from './1795762683735-InitialSchema';
import { AccessLogHeadAndUsage1795800000000 } from './1795800000000-AccessLogHeadAndUsage';
import { BenefitReciprocity1795800000001 } from './1795800000001-BenefitReciprocity';
import { OutboxDelivery1795800000002 } from './1795800000002-OutboxDelivery';
import { SopNoticesAndTasks1795800000003 } from './1795800000003-SopNoticesAndTasks';
import { Purposes1795800000004 } from './1795800000004-Purposes';
import { ClientKeys1795800000005 } from './1795800000005-ClientKeys';
import { AccessCheckpoints1795800000006 } from './1795800000006-AccessCheckpoints';
import { PersonSignIn1795800000007 } from './1795800000007-PersonSignIn';

/** Every migration, in order. The same files run on SQLite and MySQL/MariaDB. */
export const MIGRATIONS = [InitialSchema1795762683735, AccessLogHeadAndUsage1795800000000, BenefitReciprocity1795800000001, OutboxDelivery1795800000002, SopNoticesAndTasks1795800000003, Purposes1795800000004, ClientKeys1795800000005, AccessCheckpoints1795800000006, PersonSignIn1795800000007];
