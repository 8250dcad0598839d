import Dexie, { type DBCoreMutateRequest, type DBCoreMutateResponse, type PromiseExtended } from 'dexie';
import { DB_NAME, DigitalFriendDb } from './schema';

/**
 * Where the database lives, decided once per page before Dexie first opens it.
 *
 * Firefox in private browsing, or with "never remember history" (which is private browsing all the
 * time), refuses IndexedDB to extension pages: opening fails with InvalidStateError "A mutation
 * operation was attempted on a database that did not allow mutations" (w3c/webextensions#534,
 * bugzilla 1982707). Rather than break, the page then keeps the same Dexie database in memory
 * (fake-indexeddb, loaded only on this path so the normal bundle does not carry it), mirrors it to
 * `storage.session` so it survives until the browser closes, and says so plainly
 * (components/common/StorageWarning.tsx) with an offer to export.
 *
 * Several pages can be open at once (Firefox's sidebar and a tab of the side panel), each with its
 * own in-memory copy. So the session copy is the shared one, one item per row: each page writes
 * only the rows it changed itself, and copies in the rows other pages change. Writing whole copies
 * under one key lost notes: an idle sidebar's empty copy overwrote a tab's (found by
 * tests/e2e-firefox), and two pages' read-modify-writes could drop each other's rows.
 */

export interface IdbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export type StorageStatus =
  | { mode: 'device' }
  | {
      mode: 'memory';
      /** The browser's words for the failure, for the console and bug reports. */
      reason: string;
      /** What the person can rely on: the browser session (storage.session) or only this page. */
      keptUntil: 'browser-closes' | 'page-closes';
    };

/** The part of `storage.session` the memory fallback uses (in-memory, cleared when the browser closes). */
export interface SessionArea {
  /** Every item (`storage.session.get(null)`). */
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Calls `listener` with every change to the area, made by any page (this one included). */
  onChanged?(listener: (changes: Record<string, { newValue?: unknown }>) => void): () => void;
}

export interface StorageOptions {
  name?: string;
  /** The browser's IndexedDB, or undefined where the API is missing altogether. */
  device: IdbDeps | undefined;
  /** Loads the in-memory IndexedDB. Only called when the device refuses. */
  loadMemory?: () => Promise<IdbDeps>;
  /** Where the in-memory copy is mirrored; without it, memory lasts only as long as the page. */
  session?: SessionArea;
}

/** In `storage.session`, each row of the in-memory database is an item `<prefix><table>:<JSON key>`. */
export const MEMORY_ROW_PREFIX = 'dfMemory:';

type Row = Record<string, unknown>;

export function memoryRowKey(table: string, key: unknown): string {
  return `${MEMORY_ROW_PREFIX}${table}:${JSON.stringify(key)}`;
}

function parseRowKey(item: string): { table: string; key: unknown } | null {
  if (!item.startsWith(MEMORY_ROW_PREFIX)) return null;
  const rest = item.slice(MEMORY_ROW_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 1) return null;
  try {
    return { table: rest.slice(0, colon), key: JSON.parse(rest.slice(colon + 1)) };
  } catch {
    return null;
  }
}

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds `value` to the list under `key`. */
function push<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** Rows a page changed and has not yet written to the session, by table. */
interface Changed {
  /** Row keys, as JSON. */
  keys: Set<string>;
  /** The whole table was cleared (or replaced): write all of it. */
  all: boolean;
}

/** What a change event says about an item, comparable with what this page wrote. */
const itemText = (value: unknown) => (value === undefined ? '-' : JSON.stringify(value));

const BLOCKED_NAMES = new Set(['InvalidStateError', 'SecurityError', 'MissingAPIError']);
const BLOCKED_MESSAGE = /did not allow mutations|indexeddb api missing|the user denied permission|access to the indexeddb api is denied/i;

/**
 * Whether an error from opening the database means "this browser will not store anything here"
 * (private browsing and its cousins), as opposed to a fault that falling back would hide: a newer
 * database on disk (VersionError), a failed migration, a full disk. Dexie wraps the browser's
 * error (OpenFailedError → inner), so the whole chain is read.
 */
export function isStorageBlocked(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const { name, message } = current as { name?: unknown; message?: unknown };
    if (typeof name === 'string' && BLOCKED_NAMES.has(name)) return true;
    if (typeof message === 'string' && BLOCKED_MESSAGE.test(message)) return true;
    const next = current as { inner?: unknown; cause?: unknown };
    current = next.inner ?? next.cause;
  }
  return false;
}

function describe(error: unknown): string {
  const inner = (error as { inner?: unknown } | null)?.inner ?? error;
  if (inner instanceof Error || (typeof inner === 'object' && inner !== null && 'message' in inner)) {
    const { name, message } = inner as { name?: string; message?: string };
    return [name, message].filter(Boolean).join(': ');
  }
  return String(inner);
}

export async function loadMemoryIdb(): Promise<IdbDeps> {
  const memory = await import('fake-indexeddb');
  return { indexedDB: new memory.IDBFactory(), IDBKeyRange: memory.IDBKeyRange as unknown as typeof IDBKeyRange };
}

/**
 * IndexedDB as Dexie sees it, forwarding to whichever store was chosen. Dexie reads its factory
 * and key-range class when it opens (and its key ranges come from the same place), so switching
 * before the first open switches everything, through public IndexedDB calls only.
 */
function switchableDeps(initial: IdbDeps | undefined) {
  let current = initial;
  const use = (): IdbDeps => {
    if (!current) throw new Dexie.MissingAPIError('IndexedDB API missing');
    return current;
  };
  const indexedDB = {
    open: (name: string, version?: number) => (version === undefined ? use().indexedDB.open(name) : use().indexedDB.open(name, version)),
    deleteDatabase: (name: string) => use().indexedDB.deleteDatabase(name),
    databases: () => use().indexedDB.databases(),
    cmp: (a: unknown, b: unknown) => use().indexedDB.cmp(a, b),
  } as IDBFactory;
  const keyRange = {
    bound: (...args: Parameters<typeof IDBKeyRange.bound>) => use().IDBKeyRange.bound(...args),
    only: (value: unknown) => use().IDBKeyRange.only(value),
    lowerBound: (...args: Parameters<typeof IDBKeyRange.lowerBound>) => use().IDBKeyRange.lowerBound(...args),
    upperBound: (...args: Parameters<typeof IDBKeyRange.upperBound>) => use().IDBKeyRange.upperBound(...args),
  } as unknown as typeof IDBKeyRange;
  return {
    deps: { indexedDB, IDBKeyRange: keyRange },
    switchTo(next: IdbDeps) {
      current = next;
    },
  };
}

type Listener = (status: StorageStatus) => void;

/**
 * The app's database, usable synchronously from `getDb()` like any Dexie database. Its first
 * open first decides where it lives: it tries opening the real database on the device, and only
 * if the browser refuses storage (see `isStorageBlocked`) does it move to memory. Queries made
 * before that wait for it, as they wait for any Dexie open.
 */
export class StorageAwareDb extends DigitalFriendDb {
  #decision: Promise<StorageStatus | undefined> | undefined;
  #status: StorageStatus | undefined;
  readonly #listeners = new Set<Listener>();
  readonly #options: StorageOptions;
  readonly #switch: ReturnType<typeof switchableDeps>;
  /** Rows changed here since the last write to the session. */
  #changed = new Map<string, Changed>();
  /** Transactions that copy rows in from the session: not changes of this page's own. */
  readonly #syncing = new WeakSet<object>();
  /** What this page wrote to each item and has not yet heard back as a change (its own echoes). */
  readonly #echoes = new Map<string, string[]>();
  #writing: Promise<void> = Promise.resolve();
  #writeQueued = false;

  constructor(options: StorageOptions) {
    const switcher = switchableDeps(options.device);
    super(options.name ?? DB_NAME, switcher.deps);
    this.#options = options;
    this.#switch = switcher;
    // Runs inside the open, before any waiting query: the memory copy is refilled from the
    // session first, so nobody sees it empty.
    this.on('ready', (vip) => (this.#status?.mode === 'memory' ? this.#restore(vip as DigitalFriendDb) : undefined));
    // Notes which rows this page changes (in memory mode only), for the session copy.
    this.use({
      stack: 'dbcore',
      name: 'session-mirror',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: async (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
              const res = await table.mutate(req);
              if (this.#status?.mode === 'memory' && this.#options.session && !this.#syncing.has(req.trans)) this.#noteChange(name, req, res);
              return res;
            },
          };
        },
      }),
    });
  }

  /** Where the data lives: decided, and the database opened, on first call. */
  async storage(): Promise<StorageStatus> {
    await this.open();
    return this.#status ?? { mode: 'device' };
  }

  /** Called with the new status when it changes (the mirror to the session failed). */
  onStorageChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  override open(): PromiseExtended<Dexie> {
    this.#decision ??= this.#decide().catch(() => {
      // Not a refusal of storage (a newer database on disk, say): the open below meets the same
      // fault on the device and reports it as Dexie always does, and a later open tries again.
      this.#decision = undefined;
      return undefined;
    });
    return Dexie.Promise.resolve(this.#decision).then(() => super.open());
  }

  async #decide(): Promise<StorageStatus> {
    const { device, name = DB_NAME, loadMemory = loadMemoryIdb } = this.#options;
    let failure: unknown = new Dexie.MissingAPIError('IndexedDB API missing');
    if (device) {
      // A separate connection: if it fails, this instance has not started opening, so the
      // queries already waiting on it are not failed along with it.
      const probe = new DigitalFriendDb(name, device);
      try {
        await probe.open();
        this.#status = { mode: 'device' };
        return this.#status;
      } catch (error) {
        if (!isStorageBlocked(error)) throw error;
        failure = error;
      } finally {
        probe.close();
      }
    }
    this.#switch.switchTo(await loadMemory());
    this.#status = { mode: 'memory', reason: describe(failure), keptUntil: this.#options.session ? 'browser-closes' : 'page-closes' };
    if (this.#options.session) void this.#mirror();
    return this.#status;
  }

  #setStatus(next: StorageStatus) {
    this.#status = next;
    for (const listener of this.#listeners) listener(next);
  }

  async #restore(vip: DigitalFriendDb): Promise<void> {
    const session = this.#options.session;
    if (!session) return;
    let items: Record<string, unknown>;
    try {
      items = await session.getAll();
    } catch {
      return;
    }
    const byTable = new Map<string, Row[]>();
    for (const [item, value] of Object.entries(items)) {
      const where = parseRowKey(item);
      if (where && isRow(value)) push(byTable, where.table, value);
    }
    const tables = vip.tables.filter((table) => byTable.has(table.name));
    if (tables.length === 0) return;
    await vip.transaction('rw', tables, async (tx) => {
      this.#syncing.add(tx.idbtrans);
      for (const table of tables) await table.bulkPut(byTable.get(table.name)!);
    });
  }

  /** Starts mirroring: this page's changes go out as they happen; other pages' come in. */
  async #mirror(): Promise<void> {
    this.#options.session!.onChanged?.((changes) => void this.#takeIn(changes).catch(() => undefined));
  }

  #noteChange(table: string, req: DBCoreMutateRequest, res: DBCoreMutateResponse) {
    const changed = this.#changed.get(table) ?? { keys: new Set<string>(), all: false };
    this.#changed.set(table, changed);
    if (req.type === 'deleteRange') changed.all = true;
    else if (req.type === 'delete') for (const key of req.keys) changed.keys.add(JSON.stringify(key));
    else for (const key of res.results ?? req.keys ?? []) changed.keys.add(JSON.stringify(key));
    this.#queueWrite();
  }

  /** One write to the session at a time; changes made meanwhile go in the next. */
  #queueWrite() {
    if (this.#writeQueued) return;
    this.#writeQueued = true;
    this.#writing = this.#writing.then(async () => {
      this.#writeQueued = false;
      await this.#writeOut().catch(() => {
        if (this.#status?.mode === 'memory' && this.#status.keptUntil !== 'page-closes') this.#setStatus({ ...this.#status, keptUntil: 'page-closes' });
      });
    });
  }

  /** Writes the rows this page changed to their own items, and removes the items of rows it deleted. */
  async #writeOut(): Promise<void> {
    const session = this.#options.session!;
    const changed = this.#changed;
    this.#changed = new Map();
    if (changed.size === 0) return;
    const sets: Record<string, unknown> = {};
    const removes = new Set<string>();
    // A cleared table: every item of it that the session holds goes, unless the row is still here.
    if ([...changed.values()].some((c) => c.all)) {
      for (const item of Object.keys(await session.getAll())) {
        const where = parseRowKey(item);
        if (where && changed.get(where.table)?.all) removes.add(item);
      }
    }
    const tables = [...changed.keys()].map((name) => this.table(name));
    await Dexie.ignoreTransaction(() =>
      this.transaction('r', tables, async () => {
        for (const table of tables) {
          const change = changed.get(table.name)!;
          const keyPath = table.schema.primKey.keyPath as string;
          if (change.all) {
            // Every row it holds now; the items of the others are removed (above).
            for (const row of await table.toArray()) sets[memoryRowKey(table.name, row[keyPath])] = row;
            continue;
          }
          const keys = [...change.keys].map((k) => JSON.parse(k) as string);
          const found = await table.bulkGet(keys);
          keys.forEach((key, i) => {
            if (found[i]) sets[memoryRowKey(table.name, key)] = found[i];
            else removes.add(memoryRowKey(table.name, key));
          });
        }
      }),
    );
    for (const item of Object.keys(sets)) removes.delete(item);
    for (const [item, value] of Object.entries(sets)) push(this.#echoes, item, itemText(value));
    for (const item of removes) push(this.#echoes, item, itemText(undefined));
    if (Object.keys(sets).length) await session.set(sets);
    if (removes.size) await session.remove([...removes]);
  }

  /**
   * Items changed in the session: copies in other pages' rows. Skips this page's own echoes, and
   * rows this page has changed but not yet written out (its next write carries them).
   */
  async #takeIn(changes: Record<string, { newValue?: unknown }>): Promise<void> {
    const puts = new Map<string, Row[]>();
    const deletes = new Map<string, unknown[]>();
    for (const [item, change] of Object.entries(changes)) {
      const where = parseRowKey(item);
      if (!where) continue;
      const text = itemText(change.newValue);
      const echoes = this.#echoes.get(item);
      const echo = echoes?.indexOf(text) ?? -1;
      if (echo >= 0) {
        echoes!.splice(0, echo + 1);
        if (echoes!.length === 0) this.#echoes.delete(item);
        continue;
      }
      const mine = this.#changed.get(where.table);
      if (mine?.all || mine?.keys.has(JSON.stringify(where.key))) continue;
      if (isRow(change.newValue)) push(puts, where.table, change.newValue);
      else if (change.newValue === undefined) push(deletes, where.table, where.key);
    }
    const tables = this.tables.filter((table) => puts.has(table.name) || deletes.has(table.name));
    if (tables.length === 0) return;
    await Dexie.ignoreTransaction(() =>
      this.transaction('rw', tables, async (tx) => {
        this.#syncing.add(tx.idbtrans);
        for (const table of tables) {
          if (puts.has(table.name)) await table.bulkPut(puts.get(table.name)!);
          if (deletes.has(table.name)) await table.bulkDelete(deletes.get(table.name) as string[]);
        }
      }),
    );
  }
}
