/**
 * Prints a portable migration (QueryRunner API: Table, TableIndex, TableForeignKey) that creates the
 * given tables exactly as the entities describe them. Used when a module adds tables; review and
 * commit the output as migrations/<timestamp>-<Name>.ts. Usage:
 *   ts-node --transpile-only src/cli/migration-scaffold.ts <ClassName> <table> [table...]
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../app/database';

async function main() {
  const [className, ...tables] = process.argv.slice(2);
  const ds = new DataSource(dataSourceOptions({ sqlitePath: ':memory:' }));
  await ds.initialize();
  const metas = ds.entityMetadatas.filter((m) => tables.length === 0 || tables.includes(m.tableName));
  const up: string[] = [];
  const down: string[] = [];
  for (const m of metas) {
    const cols = m.columns.map((c) => {
      let type = typeof c.type === 'string' ? c.type : 'int';
      if (type === 'simple-json') type = 'text';
      const parts = [`name: '${c.databaseName}'`, `type: '${type}'`];
      if (c.length) parts.push(`length: '${c.length}'`);
      if (c.precision !== undefined && c.precision !== null) parts.push(`precision: ${c.precision}`);
      if (c.isPrimary) { parts[1] = `type: 'integer'`; parts.push('isPrimary: true'); }
      if (c.isGenerated) parts.push(`isGenerated: true, generationStrategy: 'increment'`);
      parts.push(`isNullable: ${c.isNullable}`);
      if (c.default !== undefined) parts.push(`default: ${JSON.stringify(String(c.default))}`);
      return `        { ${parts.join(', ')} },`;
    });
    const idx = m.indices.map((i) => `        new TableIndex({ name: '${i.name}', columnNames: [${i.columns.map((c) => c.databaseName).map((n) => `'${n}'`).join(', ')}]${i.isUnique ? ', isUnique: true' : ''} }),`);
    const fks = m.foreignKeys.map((f) => `        new TableForeignKey({ name: '${f.name}', columnNames: [${f.columns.map((c) => c.databaseName).map((n) => `'${n}'`).join(', ')}], referencedTableName: '${f.referencedTablePath}', referencedColumnNames: [${f.referencedColumns.map((c) => c.databaseName).map((n) => `'${n}'`).join(', ')}], onDelete: '${f.onDelete ?? 'NO ACTION'}' }),`);
    up.push(`    await q.createTable(
      new Table({
        name: '${m.tableName}',
        columns: [
${cols.join('\n')}
        ],
        indices: [
${idx.join('\n')}
        ],${fks.length ? `\n        foreignKeys: [\n${fks.join('\n')}\n        ],` : ''}
      }),
      true,
    );`);
    down.unshift(`    await q.dropTable('${m.tableName}', true);`);
  }
  const ts = Date.now();
  process.stdout.write(`import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

export class ${className}${ts} implements MigrationInterface {
  name = '${className}${ts}';

  async up(q: QueryRunner): Promise<void> {
${up.join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${down.join('\n')}
  }
}
`);
  await ds.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });
