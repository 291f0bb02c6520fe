// Compares schema.prisma (through Prisma's own DMMF) with a live database's catalog and
// lists every disagreement: missing tables, columns, enum values, indexes, wrong types.
import internals from '@prisma/internals';
import { readFileSync } from 'node:fs';
import pg from 'pg';

const scalarTypes: Record<string, string[]> = {
  String: ['text', 'character varying', 'uuid'],
  Int: ['integer'],
  BigInt: ['bigint'],
  Boolean: ['boolean'],
  DateTime: ['timestamp with time zone', 'timestamp without time zone', 'date'],
  Json: ['jsonb', 'json'],
  Decimal: ['numeric'],
  Float: ['double precision'],
  Bytes: ['bytea'],
};

const nativeTypes: Record<string, string> = {
  Uuid: 'uuid', Date: 'date', Timestamptz: 'timestamp with time zone', Timestamp: 'timestamp without time zone', VarChar: 'character varying', Text: 'text',
};
/** information_schema data_type → the element udt_name of an array column. */
const udtNames: Record<string, string> = { uuid: 'uuid', text: 'text', 'character varying': 'varchar', integer: 'int4', bigint: 'int8', boolean: 'bool', date: 'date', 'timestamp with time zone': 'timestamptz' };

export async function findSchemaDrift(schemaPath: string, url: string): Promise<string[]> {
  const dmmf = await internals.getDMMF({ datamodel: readFileSync(schemaPath, 'utf8') });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const enums = await client.query<{ name: string; value: string }>(
      `SELECT t.typname::text AS name, e.enumlabel::text AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid`,
    );
    const indexes = await client.query<{ table: string; columns: string[]; unique: boolean; primary: boolean }>(
      `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns, i.indisunique AS unique, i.indisprimary AS primary
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' GROUP BY i.indexrelid, c.relname, i.indisunique, i.indisprimary`,
    );
    const problems: string[] = [];
    const col = (t: string, c: string) => columns.rows.find((r) => r.table_name === t && r.column_name === c);

    for (const e of dmmf.datamodel.enums) {
      const live = enums.rows.filter((r) => r.name === (e.dbName ?? e.name)).map((r) => r.value);
      for (const v of e.values) if (!live.includes(v.dbName ?? v.name)) problems.push(`enum ${e.name} lacks value ${v.name}`);
      for (const v of live) if (!e.values.some((x) => (x.dbName ?? x.name) === v)) problems.push(`enum ${e.name} has extra value ${v}`);
    }
    for (const m of dmmf.datamodel.models) {
      const table = m.dbName ?? m.name;
      if (!columns.rows.some((r) => r.table_name === table)) {
        problems.push(`table ${table} missing`);
        continue;
      }
      for (const f of m.fields.filter((x) => x.kind === 'scalar' || x.kind === 'enum')) {
        const c = col(table, f.dbName ?? f.name);
        if (!c) {
          problems.push(`column ${table}.${f.name} missing`);
          continue;
        }
        const element = f.kind === 'enum' ? ['USER-DEFINED'] : f.nativeType ? [nativeTypes[f.nativeType[0]] ?? f.nativeType[0].toLowerCase()] : scalarTypes[f.type] ?? [];
        // Prisma lists are Postgres arrays (udt_name '_<element>'), created without NOT NULL.
        const expected = f.isList ? ['ARRAY'] : element;
        if (!expected.includes(c.data_type)) problems.push(`column ${table}.${f.name} is ${c.data_type}, schema expects ${expected.join(' or ')}`);
        if (f.isList && !element.some((t) => c.udt_name === `_${udtNames[t] ?? t}`)) problems.push(`column ${table}.${f.name} is an array of ${c.udt_name.slice(1)}, schema expects ${element.join(' or ')}`);
        if (f.kind === 'enum' && c.udt_name !== f.type) problems.push(`column ${table}.${f.name} uses enum ${c.udt_name}, schema expects ${f.type}`);
        if (!f.isList && (c.is_nullable === 'YES') !== !f.isRequired) problems.push(`column ${table}.${f.name} nullability differs (db nullable: ${c.is_nullable})`);
      }
      const modelColumns = new Set(m.fields.filter((x) => x.kind !== 'object').map((x) => x.dbName ?? x.name));
      for (const c of columns.rows.filter((r) => r.table_name === table && !modelColumns.has(r.column_name))) {
        problems.push(`column ${table}.${c.column_name} exists in the database but not in schema.prisma`);
      }
    }
    for (const idx of dmmf.datamodel.indexes) {
      const model = dmmf.datamodel.models.find((x) => x.name === idx.model);
      const table = model?.dbName ?? idx.model;
      const wanted = idx.fields.map((f) => model?.fields.find((x) => x.name === f.name)?.dbName ?? f.name);
      const found = indexes.rows.find(
        (r) => r.table === table && r.columns.join(',') === wanted.join(',') && (idx.type === 'normal' || r.unique) && (idx.type !== 'id' || r.primary),
      );
      if (!found) problems.push(`${idx.type} index on ${table}(${wanted.join(', ')}) missing`);
    }
    return problems;
  } finally {
    await client.end();
  }
}
