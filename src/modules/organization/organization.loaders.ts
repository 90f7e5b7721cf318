import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Role } from '../../core/authz/scopes';
import { groupBy } from '../application/application.loaders';
import { MouEntity } from '../mou/mou.entity';
import { UserAccountEntity } from '../staff/staff.entity';
import { OrganizationEntity } from './organization.entity';

/** Per-request loaders for an organisation and what hangs off it. */
export function organizationLoaders(ds: DataSource) {
  return {
    organizationById: new DataLoader<number, OrganizationEntity | null>(async (ids) => {
      const rows = await ds.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
      const by = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => by.get(id) ?? null);
    }),
    mousByOrgId: new DataLoader<number, MouEntity[]>(async (ids) =>
      groupBy(await ds.getRepository(MouEntity).find({ where: { organizationId: In([...ids]) }, order: { effectiveFrom: 'DESC', id: 'DESC' } }), (m) => m.organizationId, ids)),
    partnerAdminsByOrgId: new DataLoader<number, UserAccountEntity[]>(async (ids) =>
      groupBy(await ds.getRepository(UserAccountEntity).find({ where: { organizationId: In([...ids]), role: Role.PARTNER_ADMIN }, order: { id: 'ASC' } }), (u) => u.organizationId!, ids)),
  };
}
