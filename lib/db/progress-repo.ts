import type { BrokenStepReport, DigitalFriendDb, ProgressRow } from './schema';

/** Walkthrough progress and broken-step reports. All writes go through here, never raw tables. */
export function createProgressRepo(db: DigitalFriendDb) {
  return {
    get: (lessonId: string) => db.progress.get(lessonId),
    all: () => db.progress.toArray(),

    async recordStep(lessonId: string, stepIndex: number, now: Date): Promise<void> {
      const iso = now.toISOString();
      await db.transaction('rw', db.progress, async () => {
        const row = await db.progress.get(lessonId);
        const next: ProgressRow = row
          ? // Starting a finished walkthrough again keeps it "completed" until the person moves on;
            // from step 2 it is in progress again, so it can be resumed (completions are kept).
            { ...row, stepIndex, updatedAt: iso, status: row.status === 'completed' && stepIndex === 0 ? 'completed' : 'started' }
          : { lessonId, status: 'started', stepIndex, startedAt: iso, updatedAt: iso, completions: [] };
        await db.progress.put(next);
      });
    },

    async recordCompletion(lessonId: string, now: Date): Promise<void> {
      const iso = now.toISOString();
      await db.transaction('rw', db.progress, async () => {
        const row = await db.progress.get(lessonId);
        await db.progress.put({
          lessonId,
          status: 'completed',
          stepIndex: 0,
          startedAt: row?.startedAt ?? iso,
          updatedAt: iso,
          completions: [...(row?.completions ?? []), iso],
        });
      });
    },

    addReport: (report: Omit<BrokenStepReport, 'id'>) => db.reports.add(report),
    reports: () => db.reports.orderBy('date').toArray(),
  };
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>;

/**
 * The part of a URL that is safe to keep in a report: origin and path, plus a hash route's path
 * (#/vault) for hash-routed apps. Queries, and fragments that are not routes (#access_token=…),
 * can carry personal data or secrets, so they are dropped.
 */
export function reportableUrl(url: string): string {
  try {
    const u = new URL(url);
    const route = /^#\/[\w\-/]*/.exec(u.hash)?.[0] ?? '';
    return `${u.origin}${u.pathname}${route}`;
  } catch {
    return '';
  }
}
