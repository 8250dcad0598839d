import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { t } from '../../lib/platform/i18n';
import type { ScreenProps } from './PracticeApp';

/**
 * A practice copy of the X screens the built-in walkthroughs use, with X's own data-testid,
 * role and aria attributes (shared/reference/target-sites.md §1) so the same steps find them.
 * Posts stay in this page's memory and vanish when it closes.
 */
const SAMPLE = [
  { id: 1, who: 'Cabinet Office', text: 'Applications for the digital apprenticeship scheme close on Friday.' },
  { id: 2, who: 'Government Digital Service', text: 'We have published our guidance on writing for the web.' },
];

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

export function XPractice({ location, url }: ScreenProps) {
  const [posts, setPosts] = useState(SAMPLE);
  const [draft, setDraft] = useState('');
  const [modalDraft, setModalDraft] = useState('');
  const [toast, setToast] = useState('');
  const [composerKey, setComposerKey] = useState(0);
  const returnFocus = useRef<HTMLElement | null>(null);
  const path = new URL(url).pathname;
  const modal = path.startsWith('/compose/post') ? 'compose' : path.startsWith('/settings/profile') ? 'profile' : null;

  const publish = (text: string) => {
    setPosts((list) => [{ id: Date.now(), who: t('practiceYou'), text }, ...list]);
    setToast(t('practiceXSent'));
    setTimeout(() => setToast(''), 6000);
  };
  const go = (to: string) => (e: MouseEvent) => {
    e.preventDefault();
    returnFocus.current = e.currentTarget as HTMLElement;
    location.push(`https://x.com${to}`);
  };
  const closeModal = () => {
    setModalDraft('');
    location.push('https://x.com/home');
    returnFocus.current?.focus();
  };

  return (
    <div className="px" id="react-root">
      <div className="px-shell">
        <nav className="px-nav" aria-label={t('practiceXNav')}>
          <a href="#home" onClick={go('/home')}>{t('practiceXHome')}</a>
          <a href="#profile" onClick={go('/digitalfriend')}>{t('practiceXProfile')}</a>
          <a href="#settings" onClick={go('/settings/security_and_account_access')}>{t('practiceXSettings')}</a>
          <a href="#compose" className="px-compose-link" data-testid="SideNav_NewTweet_Button" onClick={go('/compose/post')}>
            {t('practiceXPost')}
          </a>
        </nav>
        <main className="px-main" data-testid="primaryColumn">
          {path === '/digitalfriend' ? (
            <>
              <h1>{t('practiceYou')}</h1>
              <div className="px-composer">
                <a href="#edit" className="px-action" data-testid="editProfileButton" onClick={go('/settings/profile')}>
                  {t('practiceXEditProfile')}
                </a>
              </div>
            </>
          ) : path.startsWith('/settings/account/login_verification') ? (
            <>
              <h1>{t('practiceXTwoFactor')}</h1>
              <fieldset className="px-composer">
                <legend>{t('practiceXTwoFactorLegend')}</legend>
                {['Text message', 'Authentication app', 'Security key'].map((name) => (
                  <label key={name} className="px-label">
                    <input type="checkbox" data-testid="settingsSwitch" /> {name}
                  </label>
                ))}
              </fieldset>
            </>
          ) : path.startsWith('/settings') ? (
            <>
              <h1>{t('practiceXSettings')}</h1>
              <div className="px-composer">
                <a href="#2fa" className="px-action" onClick={go('/settings/account/login_verification')}>
                  Two-factor authentication
                </a>
              </div>
            </>
          ) : (
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
                  <button type="button" className="px-action" data-testid="reply" aria-label="Reply" onClick={go('/compose/post')}>
                    {t('practiceXReply')}
                  </button>
                </article>
              ))}
            </>
          )}
        </main>
      </div>
      <div id="layers" className="px-layers">
        {modal === 'compose' && (
          <div role="dialog" aria-modal="true" aria-labelledby="modal-header">
            <h2 id="modal-header">{t('practiceXPost')}</h2>
            <Editor placeholder="What’s happening?" label="Post text" onText={setModalDraft} />
            <div className="px-toolbar">
              <button type="button" className="px-action" onClick={closeModal}>{t('practiceClose')}</button>{' '}
              <PostButton testId="tweetButton" label={t('practiceXPost')} enabled={modalDraft.trim().length > 0} onPost={() => { publish(modalDraft); closeModal(); }} />
            </div>
          </div>
        )}
        {modal === 'profile' && (
          <div role="dialog" aria-modal="true" aria-labelledby="modal-header">
            <h2 id="modal-header">{t('practiceXEditProfile')}</h2>
            <label className="px-label" htmlFor="px-bio">Bio</label>
            <textarea id="px-bio" className="px-field" name="description" maxLength={160} rows={3} />
            <div className="px-toolbar">
              <button type="button" className="px-button" data-testid="Profile_Save_Button" onClick={() => location.push('https://x.com/digitalfriend')}>
                {t('practiceSave')}
              </button>
            </div>
          </div>
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
