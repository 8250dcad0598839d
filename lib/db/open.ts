import Dexie, { liveQuery, type PromiseExtended } from 'dexie';
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
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
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

export const MEMORY_SNAPSHOT_KEY = 'digitalFriendMemoryDb';

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

  constructor(options: StorageOptions) {
    const switcher = switchableDeps(options.device);
    super(options.name ?? DB_NAME, switcher.deps);
    this.#options = options;
    this.#switch = switcher;
    // Runs inside the open, before any waiting query: the memory copy is refilled from the
    // session first, so nobody sees it empty.
    this.on('ready', (vip) => (this.#status?.mode === 'memory' ? this.#restore(vip as DigitalFriendDb) : undefined));
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
    let saved: unknown;
    try {
      saved = (await session.get(MEMORY_SNAPSHOT_KEY))[MEMORY_SNAPSHOT_KEY];
    } catch {
      return;
    }
    if (typeof saved !== 'object' || saved === null) return;
    const tables = vip.tables.filter((table) => Array.isArray((saved as Record<string, unknown>)[table.name]));
    if (tables.length === 0) return;
    await vip.transaction('rw', tables, async () => {
      for (const table of tables) {
        const rows = ((saved as Record<string, unknown[]>)[table.name] ?? []).filter((row) => typeof row === 'object' && row !== null);
        await table.bulkPut(rows);
      }
    });
  }

  /** Copies every table to the session after each change, so closing the panel loses nothing. */
  async #mirror(): Promise<void> {
    const session = this.#options.session!;
    let writing = Promise.resolve();
    const snapshot = () =>
      this.transaction('r', this.tables, async () => {
        const out: Record<string, unknown[]> = {};
        for (const table of this.tables) out[table.name] = await table.toArray();
        return out;
      });
    liveQuery(snapshot).subscribe({
      next: (tables) => {
        writing = writing
          .then(() => session.set({ [MEMORY_SNAPSHOT_KEY]: tables }))
          .catch(() => {
            if (this.#status?.mode === 'memory' && this.#status.keptUntil !== 'page-closes') this.#setStatus({ ...this.#status, keptUntil: 'page-closes' });
          });
      },
      error: () => {
        if (this.#status?.mode === 'memory') this.#setStatus({ ...this.#status, keptUntil: 'page-closes' });
      },
    });
  }
}
