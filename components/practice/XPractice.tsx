import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { t } from '../../lib/platform/i18n';
import type { ScreenProps } from './PracticeApp';

/**
 * A practice copy of the X screens the built-in walkthroughs use, with X's own data-testid,
 * role and aria attributes (shared/reference/target-sites.md §1) so the same steps find them.
 * Links carry X's real paths, so selectors such as a[href="/settings/security"] match too; a
 * click moves the virtual location instead of loading anything.
 * Posts, replies and the bio stay in this page's memory and vanish when it closes.
 */
const SAMPLE = [
  { id: 1, who: 'Cabinet Office', text: 'Applications for the digital apprenticeship scheme close on Friday.' },
  { id: 2, who: 'Government Digital Service', text: 'We have published our guidance on writing for the web.' },
];

const PROFILE_PATH = '/digitalfriend';

type Post = (typeof SAMPLE)[number];

function Editor({ placeholder, label, onText }: { placeholder: string; label: string; onText(text: string): void }) {
  const [empty, setEmpty] = useState(true);
  return (
    <div className="px-editor-root DraftEditor-root">
      {empty && (
        <div className="px-placeholder public-DraftEditorPlaceholder-root" aria-hidden="true">
          <div className="public-DraftEditorPlaceholder-inner">{placeholder}</div>
        </div>
      )}
      <div
        className="px-editor public-DraftEditor-content"
        data-testid="tweetTextarea_0"
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        contentEditable
        suppressContentEditableWarning
        tabIndex={0}
        onInput={(e) => {
          const text = e.currentTarget.textContent ?? '';
          setEmpty(text.length === 0);
          onText(text);
        }}
      />
    </div>
  );
}

function PostButton({ testId, enabled, label, onPost }: { testId: string; enabled: boolean; label: string; onPost(): void }) {
  const act = (e: MouseEvent | KeyboardEvent) => {
    e.preventDefault();
    if (enabled) onPost();
  };
  return (
    <button type="button" className="px-button" data-testid={testId} aria-disabled={!enabled} onClick={act}>
      {label}
    </button>
  );
}

function Dialog({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="modal-header">
      <h2 id="modal-header">{title}</h2>
      {children}
    </div>
  );
}

export function XPractice({ location, url }: ScreenProps) {
  const [posts, setPosts] = useState<Post[]>(SAMPLE);
  const [draft, setDraft] = useState('');
  const [modalDraft, setModalDraft] = useState('');
  const [replyTo, setReplyTo] = useState<Post | null>(null);
  const [toast, setToast] = useState('');
  const [composerKey, setComposerKey] = useState(0);
  const [bio, setBio] = useState('');
  const [twoFactorStep, setTwoFactorStep] = useState<'none' | 'intro' | 'stop'>('none');
  const returnFocus = useRef<HTMLElement | null>(null);
  const path = new URL(url).pathname.replace(/\/$/, '');
  const modal = path.startsWith('/compose/post') ? (replyTo ? 'reply' : 'compose') : path === '/settings/profile' ? 'profile' : null;

  const publish = (text: string) => {
    setPosts((list) => [{ id: Date.now(), who: t('practiceYou'), text }, ...list]);
    setToast(t('practiceXSent'));
    setTimeout(() => setToast(''), 6000);
  };
  const navigate = (to: string, from?: HTMLElement) => {
    if (from) returnFocus.current = from;
    location.push(`https://x.com${to}`);
  };
  const go = (to: string) => (e: MouseEvent) => {
    e.preventDefault();
    navigate(to, e.currentTarget as HTMLElement);
  };
  const closeModal = (to = '/home') => {
    setModalDraft('');
    setReplyTo(null);
    navigate(to);
    returnFocus.current?.focus();
  };

  let page: ReactNode;
  if (path === PROFILE_PATH || path === '/settings/profile') {
    page = (
      <>
        <h1>{t('practiceYou')}</h1>
        <div className="px-composer">
          <p data-testid="UserDescription">{bio || t('practiceXNoBio')}</p>
          <a href="/settings/profile" className="px-action" data-testid="editProfileButton" onClick={go('/settings/profile')}>
            {t('practiceXEditProfile')}
          </a>
        </div>
      </>
    );
  } else if (path.startsWith('/settings/account/login_verification')) {
    page = (
      <>
        <h1>{t('practiceXTwoFactor')}</h1>
        <fieldset className="px-composer">
          <legend>{t('practiceXTwoFactorLegend')}</legend>
          {['Text message', 'Authentication app', 'Security key'].map((name) => (
            <label key={name} className="px-label">
              <input
                type="checkbox"
                onChange={(e) => {
                  if (name === 'Authentication app' && e.currentTarget.checked) {
                    returnFocus.current = e.currentTarget;
                    setTwoFactorStep('intro');
                  }
                }}
              />{' '}
              {name}
            </label>
          ))}
        </fieldset>
      </>
    );
  } else if (path === '/settings/security') {
    page = (
      <>
        <h1>Security</h1>
        <div className="px-composer">
          <a href="/settings/account/login_verification" className="px-row" onClick={go('/settings/account/login_verification')}>
            Two-factor authentication
          </a>
        </div>
      </>
    );
  } else if (path.startsWith('/settings')) {
    page = (
      <>
        <h1>Security and account access</h1>
        <div className="px-composer">
          <a href="/settings/security" className="px-row" onClick={go('/settings/security')}>
            Security
          </a>
        </div>
      </>
    );
  } else {
    page = (
      <>
        <h1>{t('practiceXHome')}</h1>
        <div className="px-composer">
          <Editor key={composerKey} placeholder="What’s happening?" label="Post text" onText={setDraft} />
          <div className="px-toolbar" data-testid="toolBar">
            <PostButton
              testId="tweetButtonInline"
              label={t('practiceXPost')}
              enabled={draft.trim().length > 0}
              onPost={() => {
                publish(draft);
                setDraft('');
                setComposerKey((k) => k + 1);
              }}
            />
          </div>
        </div>
        {posts.map((p) => (
          <article key={p.id} className="px-tweet" data-testid="tweet" aria-label={p.who}>
            <strong>{p.who}</strong>
            <p data-testid="tweetText">{p.text}</p>
            <button
              type="button"
              className="px-action"
              data-testid="reply"
              aria-label="Reply"
              onClick={(e) => {
                setReplyTo(p);
                navigate('/compose/post', e.currentTarget);
              }}
            >
              {t('practiceXReply')}
            </button>
          </article>
        ))}
      </>
    );
  }

  return (
    <div className="px" id="react-root">
      <div className="px-shell">
        <nav className="px-nav" aria-label={t('practiceXNav')}>
          <a href="/home" data-testid="AppTabBar_Home_Link" onClick={go('/home')}>{t('practiceXHome')}</a>
          <a href={PROFILE_PATH} data-testid="AppTabBar_Profile_Link" onClick={go(PROFILE_PATH)}>{t('practiceXProfile')}</a>
          <a href="/settings/security_and_account_access" onClick={go('/settings/security_and_account_access')}>{t('practiceXSettings')}</a>
          <a href="/compose/post" className="px-compose-link" data-testid="SideNav_NewTweet_Button" onClick={go('/compose/post')}>
            {t('practiceXPost')}
          </a>
        </nav>
        <main className="px-main" data-testid="primaryColumn">
          {/* A new page per route, as the site's router mounts one: React would otherwise reuse
              the same link node for the next page's link and only change its words. */}
          <div key={path}>{page}</div>
        </main>
      </div>
      <div id="layers" className="px-layers">
        {modal === 'compose' && (
          <Dialog title={t('practiceXPost')}>
            <Editor placeholder="What’s happening?" label="Post text" onText={setModalDraft} />
            <div className="px-toolbar">
              <button type="button" className="px-action" onClick={() => closeModal()}>{t('practiceClose')}</button>{' '}
              <PostButton testId="tweetButton" label={t('practiceXPost')} enabled={modalDraft.trim().length > 0} onPost={() => { publish(modalDraft); closeModal(); }} />
            </div>
          </Dialog>
        )}
        {modal === 'reply' && replyTo && (
          <Dialog title={t('practiceXReply')}>
            <blockquote className="px-quoted">
              <strong>{replyTo.who}</strong>
              <p>{replyTo.text}</p>
            </blockquote>
            <Editor placeholder="Post your reply" label="Post text" onText={setModalDraft} />
            <div className="px-toolbar">
              <button type="button" className="px-action" onClick={() => closeModal()}>{t('practiceClose')}</button>{' '}
              <PostButton testId="tweetButton" label="Reply" enabled={modalDraft.trim().length > 0} onPost={() => { publish(modalDraft); closeModal(); }} />
            </div>
          </Dialog>
        )}
        {modal === 'profile' && (
          <Dialog title={t('practiceXEditProfile')}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const data = new FormData(e.currentTarget);
                setBio(String(data.get('description') ?? ''));
                closeModal(PROFILE_PATH);
              }}
            >
              <label className="px-label" htmlFor="px-bio">Bio</label>
              <textarea id="px-bio" className="px-field" name="description" maxLength={160} rows={3} defaultValue={bio} />
              <div className="px-toolbar">
                <button type="button" className="px-action" onClick={() => closeModal(PROFILE_PATH)}>{t('practiceClose')}</button>{' '}
                <button type="submit" className="px-button" data-testid="Profile_Save_Button">
                  {t('practiceSave')}
                </button>
              </div>
            </form>
          </Dialog>
        )}
        {twoFactorStep !== 'none' && path.startsWith('/settings/account/login_verification') && (
          <Dialog title="Protect your account in just two steps">
            {twoFactorStep === 'intro' ? (
              <>
                <p>Link a mobile authentication app to your account, then use the code it gives you to log in.</p>
                <div className="px-toolbar">
                  <button type="button" className="px-button" onClick={() => setTwoFactorStep('stop')}>
                    Get started
                  </button>
                </div>
              </>
            ) : (
              <>
                <p className="px-note">{t('practiceXTwoFactorStop')}</p>
                <div className="px-toolbar">
                  <button
                    type="button"
                    className="px-action"
                    onClick={() => {
                      setTwoFactorStep('none');
                      returnFocus.current?.focus();
                    }}
                  >
                    {t('practiceClose')}
                  </button>
                </div>
              </>
            )}
          </Dialog>
        )}
        {toast && (
          <div className="px-toast" data-testid="toast" role="alert">
            {toast}
          </div>
        )}
      </div>
    </div>
  );
}
