import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_VERSION, MIGRATIONS } from '../../../../lib/db/migrations';
import { createProgressRepo } from '../../../../lib/db/progress-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';

/**
 * "Migrations kept forever" (ARCHITECTURE.md habit 5): tests/fixtures/db holds one fixture per
 * schema version that ever shipped, each the on-disk layout Dexie made for that version plus rows
 * for every table. Each is written into a raw IndexedDB exactly as that release left it, then
 * opened with today's DigitalFriendDb, which must upgrade it and read every row back unchanged.
 */

interface IndexShape {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}
interface StoreShape {
  keyPath: string;
  autoIncrement: boolean;
  indexes: IndexShape[];
}
interface SchemaFixture {
  dexieVersion: number;
  idbVersion: number;
  stores: Record<string, StoreShape>;
  rows: Record<string, Record<string, unknown>[]>;
}

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/db');
const fixtures: [string, SchemaFixture][] = readdirSync(FIXTURES)
  .filter((f) => /^v\d+\.json$/.test(f))
  .sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)))
  .map((f) => [f, JSON.parse(readFileSync(resolve(FIXTURES, f), 'utf8')) as SchemaFixture]);

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });

/** Writes a fixture into `idb` as the release that shipped it would have left it. */
function writeRawDatabase(idb: IDBFactory, name: string, fixture: SchemaFixture): Promise<void> {
  return new Promise((ok, fail) => {
    const open = idb.open(name, fixture.idbVersion);
    open.onupgradeneeded = () => {
      for (const [storeName, shape] of Object.entries(fixture.stores)) {
        const store = open.result.createObjectStore(storeName, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
        for (const index of shape.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
    };
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(Object.keys(fixture.stores), 'readwrite');
      for (const [storeName, rows] of Object.entries(fixture.rows)) for (const row of rows) tx.objectStore(storeName).put(row);
      tx.oncomplete = () => {
        db.close();
        ok();
      };
      tx.onerror = () => fail(tx.error);
    };
  });
}

/** The layout of an open database, indexes sorted by name, for comparison with a fixture. */
function shapeOf(db: IDBDatabase): Record<string, StoreShape> {
  const names = Array.from(db.objectStoreNames);
  const tx = db.transaction(names, 'readonly');
  const out: Record<string, StoreShape> = {};
  for (const name of names) {
    const store = tx.objectStore(name);
    out[name] = {
      keyPath: store.keyPath as string,
      autoIncrement: store.autoIncrement,
      indexes: Array.from(store.indexNames)
        .map((i) => store.index(i))
        .map((i) => ({ name: i.name, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry })),
    };
  }
  return out;
}

const sortedShape = (stores: Record<string, StoreShape>) =>
  Object.fromEntries(
    Object.entries(stores)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, s]) => [name, { ...s, indexes: [...s.indexes].sort((a, b) => a.name.localeCompare(b.name)) }]),
  );

/** What Dexie itself creates on a fresh disk for migrations up to `version`. */
async function dexieShapeAt(version: number): Promise<Record<string, StoreShape>> {
  const dexie = new Dexie('shape', { indexedDB: new IDBFactory(), IDBKeyRange });
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) dexie.version(m.version).stores(m.stores);
  await dexie.open();
  const shape = shapeOf(dexie.backendDB());
  dexie.close();
  return shape;
}

function byPrimaryKey(idb: IDBFactory, keyPath: string) {
  return (a: Record<string, unknown>, b: Record<string, unknown>) => idb.cmp(a[keyPath], b[keyPath]);
}

/**
 * What a fixture's rows become under today's code: each later migration's data upgrade (a pure
 * function, see lib/db/migrations) applied in order. Tables no upgrade touches stay as they were.
 */
function upgradedRows(fixture: SchemaFixture): Record<string, Record<string, unknown>[]> {
  let tables = structuredClone(fixture.rows) as Record<string, unknown[]>;
  for (const m of MIGRATIONS.filter((m) => m.version > fixture.dexieVersion)) if (m.upgrade) tables = { ...tables, ...m.upgrade(tables) };
  return tables as Record<string, Record<string, unknown>[]>;
}

/** Every table's rows as `db` holds them, against what the upgrades should have made, in key order. */
async function expectUpgradedRows(db: Dexie, idb: IDBFactory, fixture: SchemaFixture) {
  for (const [table, rows] of Object.entries(upgradedRows(fixture))) {
    const keyPath = db.table(table).schema.primKey.keyPath as string;
    expect(await db.table(table).toArray(), table).toEqual([...rows].sort(byPrimaryKey(idb, keyPath)));
  }
}

describe('schema fixtures', () => {
  it('exist for every schema version in lib/db/migrations, and for nothing else', () => {
    expect(fixtures.map(([, f]) => f.dexieVersion)).toEqual(MIGRATIONS.map((m) => m.version));
    for (const [file, f] of fixtures) {
      expect(file).toBe(`v${f.dexieVersion}.json`);
      // Dexie stores version n as IndexedDB version n × 10.
      expect(f.idbVersion).toBe(f.dexieVersion * 10);
    }
  });

  it('start at the version the first release shipped', () => {
    expect(fixtures[0]?.[1].dexieVersion).toBe(1);
  });
});

describe.each(fixtures)('%s', (_file, fixture) => {
  let idb: IDBFactory;
  let db: DigitalFriendDb | undefined;

  beforeEach(() => {
    idb = new IDBFactory();
  });
  afterEach(() => db?.close());

  it('has at least one row in every table', () => {
    expect(Object.keys(fixture.rows).sort()).toEqual(Object.keys(fixture.stores).sort());
    for (const [table, rows] of Object.entries(fixture.rows)) expect(rows.length, table).toBeGreaterThan(0);
  });

  it('has the layout Dexie creates for that version (a shipped migration has not been edited)', async () => {
    expect(sortedShape(await dexieShapeAt(fixture.dexieVersion))).toEqual(sortedShape(fixture.stores));
  });

  it('opens with today’s DigitalFriendDb, which holds exactly what the later migrations make of its rows', async () => {
    await writeRawDatabase(idb, 'digital-friend', fixture);
    db = new DigitalFriendDb('digital-friend', { indexedDB: idb, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    await expectUpgradedRows(db, idb, fixture);
  });

  it('ends with the same layout as a fresh install, with any newer tables no upgrade fills empty', async () => {
    await writeRawDatabase(idb, 'digital-friend', fixture);
    db = new DigitalFriendDb('digital-friend', { indexedDB: idb, IDBKeyRange });
    await db.open();
    expect(sortedShape(shapeOf(db.backendDB()))).toEqual(sortedShape(await dexieShapeAt(LATEST_VERSION)));
    const filled = upgradedRows(fixture);
    for (const table of db.tables.map((t) => t.name).filter((name) => !(name in fixture.stores) && !(name in filled))) {
      expect(await db.table(table).count(), table).toBe(0);
    }
  });

  it('reads the same after being opened, closed and opened again', async () => {
    await writeRawDatabase(idb, 'digital-friend', fixture);
    const first = new DigitalFriendDb('digital-friend', { indexedDB: idb, IDBKeyRange });
    await first.open();
    first.close();
    db = new DigitalFriendDb('digital-friend', { indexedDB: idb, IDBKeyRange });
    await expectUpgradedRows(db, idb, fixture);
  });

  it('serves its progress and reports through the repository, using the old indexes', async () => {
    await writeRawDatabase(idb, 'digital-friend', fixture);
    db = new DigitalFriendDb('digital-friend', { indexedDB: idb, IDBKeyRange });
    const repo = createProgressRepo(db);
    for (const row of fixture.rows.progress ?? []) expect(await repo.get(row.lessonId as string)).toEqual(row);
    const dates = (await repo.reports()).map((r) => r.date);
    expect(dates).toEqual([...(fixture.rows.reports ?? []).map((r) => r.date as string)].sort());
    // The auto-increment key carries on after the highest id the old database used.
    const maxId = Math.max(...(fixture.rows.reports ?? []).map((r) => r.id as number));
    const id = await repo.addReport({ lessonId: 'x-reply', stepId: 'write', stepIndex: 1, url: 'https://x.com/home', date: '2026-12-01T00:00:00.000Z' });
    expect(id).toBeGreaterThan(maxId);
  });
});

describe('a database from a newer release (the person downgraded the extension)', () => {
  // Dexie 4 opens a database whose version is higher than the code's, adding any table or index
  // the code needs that is missing (it bumps the IndexedDB version by one to do so), rather than
  // failing with a VersionError. Dexie #2097 is about what happens next, when the newer release
  // is installed again; both steps are checked here.
  const latest = fixtures[fixtures.length - 1]![1];
  const newer: SchemaFixture = {
    dexieVersion: LATEST_VERSION + 1,
    idbVersion: (LATEST_VERSION + 1) * 10,
    stores: { ...latest.stores, future: { keyPath: 'id', autoIncrement: false, indexes: [] } },
    rows: { ...latest.rows, future: [{ id: 'f1', text: 'made by a newer release' }] },
  };

  it('opens it, reads today’s tables unchanged and leaves the newer table alone', async () => {
    const idb = new IDBFactory();
    await writeRawDatabase(idb, 'digital-friend', newer);
    const db = new DigitalFriendDb('digital-friend', { indexedDB: idb, IDBKeyRange });
    await db.open();
    for (const [table, rows] of Object.entries(latest.rows)) {
      expect(await db.table(table).toArray(), table).toEqual([...rows].sort(byPrimaryKey(idb, latest.stores[table]!.keyPath)));
    }
    db.close();
    const raw = await request(idb.open('digital-friend'));
    expect(await request(raw.transaction('future').objectStore('future').getAll())).toEqual(newer.rows.future);
    raw.close();
  });

  it('keeps every row when the newer release is installed again afterwards (Dexie #2097)', async () => {
    const idb = new IDBFactory();
    await writeRawDatabase(idb, 'digital-friend', newer);
    const today = new DigitalFriendDb('digital-friend', { indexedDB: idb, IDBKeyRange });
    await today.open();
    today.close();

    const again = new Dexie('digital-friend', { indexedDB: idb, IDBKeyRange });
    for (const m of MIGRATIONS) again.version(m.version).stores(m.stores);
    again.version(LATEST_VERSION + 1).stores({ future: 'id' });
    await again.open();
    for (const [table, rows] of Object.entries(newer.rows)) {
      expect(await again.table(table).count(), table).toBe(rows.length);
    }
    again.close();
  });
});
