import { useEffect, useState } from 'react';
import { loadSession, watchSession } from '../../lib/platform/session-store';
import type { Session } from '../../lib/walkthrough/session';

/** The running walkthrough, live from storage.session. `undefined` while loading. */
export function useSession(): Session | null | undefined {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void loadSession().then((s) => alive && setSession(s));
    const stop = watchSession(setSession);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return session;
}
