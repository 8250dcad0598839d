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
          ? { ...row, stepIndex, updatedAt: iso, status: row.status === 'completed' && stepIndex === 0 ? 'completed' : row.status }
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

/** Strips the query from a URL before it is stored: it can carry personal data. */
export function reportableUrl(url: string): string {
  try {
    const u = new URL(url);
    // Hash routes (#/vault) name the screen; anything after a '?' inside them is dropped too.
    return `${u.origin}${u.pathname}${u.hash.split('?')[0] ?? ''}`;
  } catch {
    return '';
  }
}
