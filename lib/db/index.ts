import { createJournalRepo } from './journal-repo';
import { createProgressRepo } from './progress-repo';
import { DigitalFriendDb } from './schema';

let db: DigitalFriendDb | undefined;

/** The page's one connection to the extension's database, opened on first use. */
export function getDb(): DigitalFriendDb {
  db ??= new DigitalFriendDb();
  return db;
}

export function getProgressRepo() {
  return createProgressRepo(getDb());
}

export function getJournalRepo() {
  return createJournalRepo(getDb());
}
