import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { ApplicationEntity, ApplicationIpEntity, ClientCredentialEntity } from './application.entity';

function groupBy<T, K>(rows: T[], key: (r: T) => K, keys: readonly K[]): T[][] {
  const by = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = by.get(k);
    if (list) list.push(r); else by.set(k, [r]);
  }
  return keys.map((k) => by.get(k) ?? []);
}

/** Per-request loaders for application relations: one query per list, whatever the number of parents. */
export function applicationLoaders(ds: DataSource) {
  return {
    applicationsByOrgId: new DataLoader<number, ApplicationEntity[]>(async (ids) =>
      groupBy(await ds.getRepository(ApplicationEntity).find({ where: { organizationId: In([...ids]) }, order: { id: 'ASC' } }), (a) => a.organizationId, ids)),
    allowedIpsByAppId: new DataLoader<number, ApplicationIpEntity[]>(async (ids) =>
      groupBy(await ds.getRepository(ApplicationIpEntity).find({ where: { applicationId: In([...ids]), revokedAt: IsNull() }, order: { id: 'ASC' } }), (r) => r.applicationId, ids)),
    secretsByAppId: new DataLoader<number, ClientCredentialEntity[]>(async (ids) =>
      groupBy(await ds.getRepository(ClientCredentialEntity).find({ where: { applicationId: In([...ids]) }, order: { id: 'DESC' } }), (r) => r.applicationId, ids)),
  };
}
export { groupBy };
