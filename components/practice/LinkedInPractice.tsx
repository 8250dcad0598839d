import { useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { t } from '../../lib/platform/i18n';
import type { ScreenProps } from './PracticeApp';
import './linkedin.css';

/**
 * A practice copy of the LinkedIn screens the built-in walkthroughs use, in the classic interface,
 * with LinkedIn's own class names, ids, roles and labels (shared/reference/target-sites.md §2) so
 * the same steps find them: the feed's share box and share dialog, the article editor and its
 * publishing dialog, and the profile's intro form. Words that imitate LinkedIn are LinkedIn's;
 * our own notes come from the message catalogue. Nothing leaves this page's memory.
 */
const SAMPLE = [
  { id: 1, who: 'Civil Service Careers', text: 'Applications for the Fast Stream open next week.' },
  { id: 2, who: 'Government Digital Service', text: 'We have updated our guidance on writing for the web.' },
];

type Post = (typeof SAMPLE)[number];

/** A Quill-like editor: one paragraph per line, the placeholder drawn from data-placeholder. */
function QuillEditor({ label, placeholder, onText }: { label: string; placeholder: string; onText(text: string): void }) {
  const [blank, setBlank] = useState(true);
  return (
    <div className="editor-container">
      <div
        className={`ql-editor${blank ? ' ql-blank' : ''}`}
        contentEditable
        suppressContentEditableWarning
        data-test-ql-editor-contenteditable="true"
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-placeholder={placeholder}
        data-placeholder={placeholder}
        tabIndex={0}
        onInput={(e) => {
          const text = (e.currentTarget.textContent ?? '').trim();
          setBlank(text.length === 0);
          onText(text);
        }}
      />
    </div>
  );
}

function Modal({ labelId, title, onDismiss, children }: { labelId: string; title: string; onDismiss(): void; children: ReactNode }) {
  return (
    <div className="li-overlay">
      <div role="dialog" aria-modal="true" aria-labelledby={labelId} className="artdeco-modal li-modal">
        <div className="artdeco-modal__header li-modal-header">
          <h2 id={labelId}>{title}</h2>
          <button type="button" className="li-dismiss" aria-label={t('practiceClose')} onClick={onDismiss}>
            ✕
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}

export function LinkedInPractice({ location, url }: ScreenProps) {
  const [posts, setPosts] = useState<Post[]>(SAMPLE);
  const [sharing, setSharing] = useState(false);
  const [draft, setDraft] = useState('');
  const [publishing, setPublishing] = useState(false);
  const [articleTitle, setArticleTitle] = useState('');
  const [headline, setHeadline] = useState('Policy adviser');
  const [toast, setToast] = useState('');
  const returnFocus = useRef<HTMLElement | null>(null);
  const path = new URL(url).pathname;
  const editingIntro = /^\/in\/[^/]+\/edit\/intro\/?$/.test(path);
  const profilePath = path.replace(/edit\/intro\/?$/, '');

  const navigate = (to: string) => location.push(`https://www.linkedin.com${to}`);
  const go = (to: string) => (e: MouseEvent) => {
    e.preventDefault();
    navigate(to);
  };
  const remember = (e: MouseEvent) => {
    returnFocus.current = e.currentTarget as HTMLElement;
  };
  const restoreFocus = () => returnFocus.current?.isConnected && returnFocus.current.focus();
  const showToast = (text: string) => {
    setToast(text);
    setTimeout(() => setToast(''), 7000);
  };
  const closeShare = () => {
    setSharing(false);
    setDraft('');
    restoreFocus();
  };

  let page: ReactNode;
  if (path.startsWith('/in/')) {
    page = (
      <section className="artdeco-card li-card">
        <h1 className="text-heading-xlarge">{t('practiceYou')}</h1>
        <div className="text-body-medium break-words">{headline}</div>
        <button
          type="button"
          className="li-pencil"
          aria-label="Edit intro"
          onClick={(e) => {
            remember(e);
            navigate(`${profilePath}edit/intro/`);
          }}
        >
          ✎
        </button>
      </section>
    );
  } else if (path.startsWith('/article/')) {
    page = (
      <div className="li-card">
        <h1 className="li-visually-hidden">{t('practiceLinkedInArticleHeading')}</h1>
        <div className="article-editor-nav li-row">
          <span>{t('practiceLinkedInDraft')}</span>
          <button
            type="button"
            className="artdeco-button--primary li-primary"
            onClick={(e) => {
              remember(e);
              setPublishing(true);
            }}
          >
            Next
          </button>
        </div>
        <textarea
          id="article-editor-headline__textarea"
          className="li-title"
          placeholder="Title"
          aria-label="Title"
          rows={1}
          value={articleTitle}
          onChange={(e) => setArticleTitle(e.currentTarget.value)}
        />
        <div
          className="li-article-body"
          data-test-article-editor-content-textbox=""
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-label="Article editor content"
          tabIndex={0}
        />
      </div>
    );
  } else if (path.startsWith('/pulse/')) {
    page = (
      <article className="li-card">
        <h1>{articleTitle || t('practiceLinkedInArticleHeading')}</h1>
        <p>{t('practiceLinkedInPublishedNote')}</p>
      </article>
    );
  } else {
    page = (
      <>
        <h1 className="li-visually-hidden">{t('practiceLinkedInFeedHeading')}</h1>
        <div className="share-box-feed-entry__closed-share-box artdeco-card li-card li-row">
          <span className="li-avatar" aria-hidden="true">
            Y
          </span>
          <button
            type="button"
            className="share-box-feed-entry__trigger li-trigger"
            onClick={(e) => {
              remember(e);
              setSharing(true);
            }}
          >
            Start a post
          </button>
        </div>
        {posts.map((p) => (
          <div key={p.id} className="feed-shared-update-v2 li-card" role="article" aria-label={p.who}>
            <strong>{p.who}</strong>
            <p>{p.text}</p>
          </div>
        ))}
      </>
    );
  }

  return (
    <div className="li" id="application-outlet">
      <header className="li-header">
        <nav aria-label={t('practiceLinkedInNav')} className="li-nav">
          <a href="/feed/" onClick={go('/feed/')}>Home</a>
          <a href="/in/me/" onClick={go('/in/me/')}>Me</a>
          <a href="/article/new/" onClick={go('/article/new/')}>Write article</a>
        </nav>
      </header>
      <main className="li-main">
        {/* A new page per route, as LinkedIn's router mounts one. */}
        <div key={path}>{page}</div>
      </main>
      <div id="artdeco-modal-outlet">
        {sharing && (
          <Modal labelId="share-to-linkedin-modal__header" title="Create a post" onDismiss={closeShare}>
            <div className="share-box-v2__modal li-modal-content">
              <div className="share-creation-state__text-editor">
                <QuillEditor label="Text editor for creating content" placeholder="What do you want to talk about?" onText={setDraft} />
              </div>
            </div>
            <div className="share-box_actions li-actions">
              <button
                type="button"
                className="share-actions__primary-action li-primary"
                disabled={draft.length === 0}
                onClick={() => {
                  setPosts((list) => [{ id: Date.now(), who: t('practiceYou'), text: draft }, ...list]);
                  closeShare();
                  showToast(t('practiceLinkedInPosted'));
                }}
              >
                Post
              </button>
            </div>
          </Modal>
        )}
        {publishing && (
          <Modal
            labelId="publish-header"
            title="Publish your article"
            onDismiss={() => {
              setPublishing(false);
              restoreFocus();
            }}
          >
            <div className="li-modal-content">
              <p>{articleTitle}</p>
              <QuillEditor label="Text editor for creating content" placeholder="Tell your network what your article is about" onText={() => undefined} />
            </div>
            <div className="li-actions">
              <button
                type="button"
                className="share-actions__primary-action li-primary"
                onClick={() => {
                  setPublishing(false);
                  navigate('/pulse/practice-article/');
                  showToast(t('practiceLinkedInPublished'));
                }}
              >
                Publish
              </button>
            </div>
          </Modal>
        )}
        {editingIntro && (
          <Modal
            labelId="intro-header"
            title="Edit intro"
            onDismiss={() => {
              navigate(profilePath);
              restoreFocus();
            }}
          >
            <form
              className="li-modal-content"
              onSubmit={(e) => {
                e.preventDefault();
                const value = String(new FormData(e.currentTarget).get('headline') ?? '').trim();
                setHeadline(value || headline);
                navigate(profilePath);
              }}
            >
              <label htmlFor="single-line-text-form-component-profileEditFormElement-TOP-CARD-profile-practice-headline" className="li-label">
                Headline*
              </label>
              <textarea
                id="single-line-text-form-component-profileEditFormElement-TOP-CARD-profile-practice-headline"
                name="headline"
                className="li-field"
                maxLength={220}
                rows={2}
                defaultValue={headline}
              />
              <div className="li-actions">
                <button type="submit" className="artdeco-button--primary li-primary">
                  Save
                </button>
              </div>
            </form>
          </Modal>
        )}
      </div>
      <div id="artdeco-toasts">
        {toast && (
          <div className="artdeco-toast-item" role="alert">
            {toast}
          </div>
        )}
      </div>
    </div>
  );
}
