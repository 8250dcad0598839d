import type { MessageKey } from '../i18n/messages';

/**
 * An error meant for the person, not for a log: it names a locale message and its substitutions
 * instead of carrying English, so the page that shows it words it in the UI's language
 * (lib/platform/i18n.ts errorText). listen() sends the key and substitutions across in the
 * ErrorReply, and send() throws a UserError again on the other side.
 */
export class UserError extends Error {
  override name = 'UserError';

  constructor(
    readonly key: MessageKey,
    readonly subs: readonly string[] = [],
  ) {
    // The key is the message, so a log or an older page that knows nothing of keys still says which error it was.
    super(key);
  }
}
