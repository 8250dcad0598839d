import { defineBackground } from 'wxt/utils/define-background';
import { registerJournal } from '../../lib/background/journal';
import { registerPrompts } from '../../lib/background/prompts';
import { registerWalkthroughs } from '../../lib/background/walkthroughs';
import { createJournalRepo } from '../../lib/db/journal-repo';
import { createProgressRepo } from '../../lib/db/progress-repo';
import { getDb } from '../../lib/db';
import { registerInstallHandler } from '../../lib/platform/install';
import { listen } from '../../lib/platform/messaging';
import { resetEverything } from '../../lib/platform/reset';
import { findLesson } from '../../lib/walkthrough/catalogue';

// Composition root: wires handlers, nothing else. Every listener registers synchronously at
// start-up, because MV3 service workers are stopped and restarted at any time.
export default defineBackground(() => {
  // The same database as the pages, with the same fallback: in Firefox private browsing the
  // background is refused IndexedDB too, and a quick note must still be kept (lib/db/open.ts).
  const db = getDb();
  const journal = createJournalRepo(db);
  registerInstallHandler();
  const walkthroughs = registerWalkthroughs({ findLesson, repo: createProgressRepo(db) });
  listen({
    ...walkthroughs,
    ...registerJournal({ repo: journal, findLesson }),
    ...registerPrompts({ answeredWeek: journal.answeredWeek }),
    'app/reset': async () => {
      db.close();
      await resetEverything();
      await db.open();
      return { ok: true };
    },
  });
});
