import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { DisabilityType } from './pwd.enums';

/** The PwD module's per-request loaders. */
export function pwdLoaders(ds: DataSource) {
  return {
    /** Disability types of each PwD, by record id: one query per page, however many records. */
    disabilitiesByPwdId: new DataLoader<number, DisabilityType[]>(async (ids) => {
      const placeholders = ids.map(() => '?').join(',');
      const rows: { pwd_id: number; type: DisabilityType }[] = await ds.query(
        `SELECT pwd_id, type FROM pwd_disability WHERE pwd_id IN (${placeholders}) ORDER BY pwd_id, id`,
        [...ids],
      );
      const by = new Map<number, DisabilityType[]>();
      for (const r of rows) {
        const list = by.get(Number(r.pwd_id));
        if (list) list.push(r.type);
        else by.set(Number(r.pwd_id), [r.type]);
      }
      return ids.map((id) => by.get(id) ?? []);
    }, { maxBatchSize: 1000 }),
  };
}
