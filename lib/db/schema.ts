import Dexie, { type EntityTable } from 'dexie';

/**
 * The extension's own IndexedDB database (extension origin only: content scripts never open it,
 * they would get the web page's database instead; Dexie #233, #1978).
 *
 * Every schema version that ever shipped stays here, in order, forever. A new version adds a
 * `this.version(n)` block with its data migration in lib/db/migrations (issue #4).
 */
export const DB_NAME = 'digital-friend';

export interface ProgressRow {
  lessonId: string;
  status: 'started' | 'completed';
  /** The step to resume at. */
  stepIndex: number;
  startedAt: string;
  updatedAt: string;
  /** Every time the walkthrough was finished, oldest first (ISO date-times). */
  completions: string[];
}

export interface BrokenStepReport {
  id?: number;
  lessonId: string;
  stepId: string;
  stepIndex: number;
  /** Origin and path only: queries can carry personal data. */
  url: string;
  date: string;
}

export class DigitalFriendDb extends Dexie {
  progress!: EntityTable<ProgressRow, 'lessonId'>;
  reports!: EntityTable<BrokenStepReport, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 (0.1.0): walkthrough progress and broken-step reports.
    this.version(1).stores({
      progress: 'lessonId, updatedAt',
      reports: '++id, lessonId, date',
    });
  }
}
