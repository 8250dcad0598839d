import { defineBackground } from 'wxt/utils/define-background';
import { registerInstallHandler } from '../../lib/platform/install';
import { listen } from '../../lib/platform/messaging';
import { resetEverything } from '../../lib/platform/reset';

// Composition root: wires handlers, nothing else. Every listener registers synchronously at
// start-up, because MV3 service workers are stopped and restarted at any time.
export default defineBackground(() => {
  registerInstallHandler();
  listen({
    'app/reset': async () => {
      await resetEverything();
      return { ok: true };
    },
  });
});
