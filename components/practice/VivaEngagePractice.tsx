import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { t } from '../../lib/platform/i18n';
import type { ScreenProps } from './PracticeApp';
import './viva-engage.css';

/**
 * A practice copy of the Viva Engage screens the built-in walkthroughs use: the Home feed, a
 * community and a conversation, with the roles, accessible names and visible words the real app
 * has (shared/reference/target-sites.md §3), so the same steps find the same things. Viva Engage
 * has no stable data-* hooks, so neither does this copy.
 *
 * Links carry the app's real paths (/main/groups/<b64>/all) in their href, so selectors such as
 * nav a[href*="/main/groups/"] match; a click moves the virtual location instead of loading
 * anything. Posts, replies and joins stay in this page's memory and vanish when it closes.
 */

const BASE = 'https://engage.cloud.microsoft';

/** Ids are base64 JSON, as in the real app's URLs. */
const b64 = (type: string, id: number) => btoa(JSON.stringify({ _type: type, id: String(id) }));

interface Community {
  id: string;
  name: string;
  about: string;
  members: number;
  joined: boolean;
  private: boolean;
  requested?: boolean;
}

interface Reply {
  author: string;
  text: string;
}

interface Conversation {
  id: string;
  group: string;
  author: string;
  text: string;
  age: string;
  question?: boolean;
  replies: Reply[];
}

// Words that imitate the site's own content stay literal here, like the site's.
const COMMUNITIES: Community[] = [
  { id: b64('Group', 101), name: 'Digital Skills Network', about: 'Tips and questions about everyday digital tools at work.', members: 1843, joined: true, private: false },
  { id: b64('Group', 102), name: 'Policy Profession', about: 'News, events and learning for policy professionals.', members: 5210, joined: true, private: false },
  { id: b64('Group', 103), name: 'Wellbeing at Work', about: 'Ideas for looking after yourself and your team.', members: 2977, joined: false, private: false },
  { id: b64('Group', 104), name: 'Data Science Community', about: 'A private group for people working with data.', members: 612, joined: false, private: true },
];

const CONVERSATIONS: Conversation[] = [
  { id: b64('Thread', 9001), group: COMMUNITIES[0]!.id, author: 'Priya Shah', text: 'Does anyone have a good checklist for writing accessible documents?', age: '2 hours ago', replies: [{ author: 'Tom Green', text: 'The GOV.UK guidance on accessible documents is a good start.' }] },
  { id: b64('Thread', 9002), group: COMMUNITIES[1]!.id, author: 'Alex Morgan', text: 'We are running a lunchtime session on plain English next Tuesday. Everyone is welcome.', age: '5 hours ago', replies: [] },
  { id: b64('Thread', 9003), group: COMMUNITIES[2]!.id, author: 'Jo Baker', text: 'What helps you switch off at the end of the working day?', age: 'Yesterday', replies: [] },
  { id: b64('Thread', 9005), group: COMMUNITIES[0]!.id, author: 'Sam Patel', text: 'Tip: you can pin a Teams chat so it stays at the top of your list.', age: 'Monday', replies: [] },
];

const PEOPLE = ['Sam Patel', 'Sarah Jones', 'Sandeep Kaur', 'Tom Green', 'Priya Shah', 'Alex Morgan'];

const MENTION = /(^|\s)@([A-Za-z]*)$/;

function mentionMatches(text: string): string[] {
  const m = MENTION.exec(text);
  if (!m) return [];
  const q = (m[2] ?? '').toLowerCase();
  return PEOPLE.filter((p) => p.toLowerCase().split(' ').some((part) => part.startsWith(q)));
}

/** Puts the caret at the end of a contenteditable, as after typing. */
function caretToEnd(el: HTMLElement) {
  el.focus();
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  const selection = el.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * A Draft.js-like editor: a contenteditable textbox with a placeholder, plus the @mention
 * typeahead as a listbox in a Fluent-style layer, which is where the walkthrough looks for it.
 */
function Editor({ label, placeholder, onText, autoFocus }: { label: string; placeholder: string; onText(text: string): void; autoFocus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const matches = dismissed ? [] : mentionMatches(text);
  const listId = `${label.replace(/\W+/g, '-').toLowerCase()}-people`;

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const update = (value: string) => {
    setText(value);
    setActive(0);
    setDismissed(false);
    onText(value);
  };
  const pick = (name: string) => {
    const el = ref.current;
    if (!el) return;
    // Like the app's mention: the person's name, without the @.
    el.textContent = `${(el.textContent ?? '').replace(/(^|\s)@[A-Za-z]*$/, '$1')}${name}\u00a0`;
    caretToEnd(el);
    update(el.textContent);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (matches.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(matches[active]!);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setDismissed(true);
    }
  };
  const box = ref.current?.getBoundingClientRect();

  return (
    <div className="ve-editor-root DraftEditor-root">
      {text.length === 0 && (
        <div className="ve-placeholder public-DraftEditorPlaceholder-root" aria-hidden="true">
          <div className="public-DraftEditorPlaceholder-inner">{placeholder}</div>
        </div>
      )}
      <div
        ref={ref}
        className="ve-editor public-DraftEditor-content"
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-controls={matches.length ? listId : undefined}
        aria-activedescendant={matches.length ? `${listId}-${active}` : undefined}
        contentEditable
        suppressContentEditableWarning
        tabIndex={0}
        onInput={(e) => update(e.currentTarget.textContent ?? '')}
        onKeyDown={onKeyDown}
      />
      {matches.length > 0 && (
        <div className="ms-Layer ms-Layer--fixed ve-layer">
          <div
            role="listbox"
            id={listId}
            aria-label="Suggested people"
            className="ve-mentions"
            style={box ? { left: Math.round(box.left), top: Math.round(box.bottom + 4) } : undefined}
          >
            {matches.map((name, i) => (
              <div
                key={name}
                role="option"
                id={`${listId}-${i}`}
                aria-selected={i === active}
                className="ve-option"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(name)}
              >
                {name}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function PostButton({ enabled, onPost }: { enabled: boolean; onPost(): void }) {
  return (
    <button type="button" className="ve-primary" aria-disabled={!enabled} onClick={() => enabled && onPost()}>
      Post
    </button>
  );
}

type PostType = 'Discussion' | 'Question' | 'Praise' | 'Poll';

function Publisher({ community, joined, onClose, onPost }: { community: Community | null; joined: Community[]; onClose(): void; onPost(group: string, text: string, question: boolean): void }) {
  const [type, setType] = useState<PostType>('Discussion');
  const [text, setText] = useState('');
  const [group, setGroup] = useState(community?.id ?? joined[0]?.id ?? '');
  const question = type === 'Question';
  const label = question ? 'What do you want to ask?' : 'Share thoughts, ideas, or updates';
  return (
    <div className="ve-overlay">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="ve-publisher-title"
        className="ve-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <div className="ve-dialog-head">
          <h2 id="ve-publisher-title">Start a conversation</h2>
          <button type="button" className="ve-icon" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        <div role="tablist" aria-label="Type of post" className="ve-tabs">
          {(['Discussion', 'Question', 'Praise', 'Poll'] as const).map((name) => (
            <button key={name} type="button" role="tab" aria-selected={type === name} className="ve-tab" onClick={() => setType(name)}>
              {name}
            </button>
          ))}
        </div>
        {community ? (
          <p className="ve-posting-in">Posting in {community.name}</p>
        ) : (
          <label className="ve-posting-in">
            Post in{' '}
            <select value={group} onChange={(e) => setGroup(e.target.value)}>
              {joined.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {/* A new editor for a new type, as the app renders one; the words carry over. */}
        <TypedEditor key={type} label={label} initial={text} onText={setText} />
        <div className="ve-footer">
          <PostButton enabled={text.trim().length > 0} onPost={() => onPost(group, text.trim(), question)} />
        </div>
      </div>
    </div>
  );
}

/** The publisher's editor, seeded with the words typed before the post type changed. */
function TypedEditor({ label, initial, onText }: { label: string; initial: string; onText(text: string): void }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = holder.current?.querySelector<HTMLElement>('[role="textbox"]');
    if (el && initial) {
      el.textContent = initial;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      caretToEnd(el);
    }
    // Only when this editor mounts (initial is read once): later words come from typing.
  }, []);
  return (
    <div ref={holder}>
      <Editor label={label} placeholder={label} onText={onText} autoFocus />
    </div>
  );
}

export function VivaEngagePractice({ location, url }: ScreenProps) {
  const [communities, setCommunities] = useState(COMMUNITIES);
  const [conversations, setConversations] = useState(CONVERSATIONS);
  const [publisher, setPublisher] = useState(false);
  const [replyFor, setReplyFor] = useState<string | null>(null);
  const [replyText, setReplyText] = useState('');
  const [query, setQuery] = useState('');
  const [searchOpen, setSearchOpen] = useState(false);
  const [searchActive, setSearchActive] = useState(0);
  const [status, setStatus] = useState('');
  const publisherReturn = useRef<HTMLElement | null>(null);

  const path = new URL(url).pathname.replace(/\/$/, '');
  const groupMatch = /^\/main\/groups\/([^/]+)/.exec(path);
  const threadMatch = /^\/main\/threads\/([^/]+)/.exec(path);
  const community = groupMatch ? communities.find((c) => c.id === decodeURIComponent(groupMatch[1]!)) : undefined;
  const thread = threadMatch ? conversations.find((c) => c.id === decodeURIComponent(threadMatch[1]!)) : undefined;
  const joined = communities.filter((c) => c.joined);
  const results = query.trim() ? communities.filter((c) => c.name.toLowerCase().includes(query.trim().toLowerCase())) : [];

  const go = (to: string) => {
    setPublisher(false);
    setReplyFor(null);
    setSearchOpen(false);
    setStatus('');
    location.push(`${BASE}${to}`);
  };
  const link = (to: string) => ({
    href: `#${to}`,
    onClick: (e: MouseEvent) => {
      e.preventDefault();
      go(to);
    },
  });
  const groupPath = (c: Community) => `/main/groups/${c.id}/all`;

  const openPublisher = () => {
    publisherReturn.current = document.activeElement as HTMLElement | null;
    setPublisher(true);
  };
  const closePublisher = () => {
    setPublisher(false);
    publisherReturn.current?.focus();
  };
  const post = (group: string, text: string, question: boolean) => {
    setConversations((list) => [{ id: b64('Thread', Date.now()), group, author: t('practiceYou'), text, age: 'Just now', question, replies: [] }, ...list]);
    setPublisher(false);
    setStatus(t('practiceEngagePosted'));
  };
  const sendReply = (id: string) => {
    setConversations((list) => list.map((c) => (c.id === id ? { ...c, replies: [...c.replies, { author: t('practiceYou'), text: replyText.trim() }] } : c)));
    setReplyFor(null);
    setReplyText('');
    setStatus(t('practiceEngagePosted'));
  };
  const join = (c: Community) => {
    setCommunities((list) => list.map((x) => (x.id !== c.id ? x : c.private ? { ...x, requested: true } : { ...x, joined: true, members: x.members + 1 })));
    setStatus(t('practiceEngageJoined'));
  };

  const publisherTrigger = (
    <div className="ve-card">
      <div
        role="button"
        tabIndex={0}
        className="ve-trigger"
        onClick={openPublisher}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            openPublisher();
          }
        }}
      >
        Share thoughts, ideas, or updates
      </div>
    </div>
  );

  const conversationView = (c: Conversation) => {
    const authorId = `ve-author-${c.id.replace(/\W/g, '')}`;
    const group = communities.find((x) => x.id === c.group)!;
    return (
      <div key={c.id} role="article" aria-labelledby={authorId} className="ve-card ve-thread">
        <div className="ve-meta">
          <strong id={authorId}>{c.author}</strong> in <a {...link(groupPath(group))}>{group.name}</a> ·{' '}
          <a className="ve-time" {...link(`/main/threads/${c.id}`)}>
            {c.age}
          </a>
        </div>
        {c.question && <span className="ve-badge">Question</span>}
        <p className="ve-body">{c.text}</p>
        <div className="ve-actions">
          <button type="button" className="ve-action">Like</button>
          <button
            type="button"
            className="ve-action"
            onClick={() => {
              setReplyFor(c.id);
              setReplyText('');
            }}
          >
            Reply
          </button>
          <button type="button" className="ve-action">Share</button>
          <button type="button" className="ve-action" aria-label="More options">…</button>
        </div>
        {c.replies.map((r, i) => (
          <div key={i} className="ve-reply">
            <strong>{r.author}</strong>
            <p>{r.text}</p>
          </div>
        ))}
        {replyFor === c.id && (
          <div className="ve-reply-box">
            <Editor label="Write a reply" placeholder="Write a reply" onText={setReplyText} autoFocus />
            <div className="ve-footer">
              <button type="button" className="ve-secondary" onClick={() => setReplyFor(null)}>
                Cancel
              </button>
              <PostButton enabled={replyText.trim().length > 0} onPost={() => sendReply(c.id)} />
            </div>
          </div>
        )}
      </div>
    );
  };

  const list = (items: Conversation[]) => <div className="ve-feed">{items.length ? items.map(conversationView) : <p className="ve-muted">No conversations yet.</p>}</div>;

  let content;
  if (community) {
    content = (
      <>
        <div className="ve-card ve-community-header">
          <h1 className="ve-title">{community.name}</h1>
          <p>{community.about}</p>
          <p className="ve-muted">
            {community.members.toLocaleString('en-GB')} members · {community.private ? 'Private' : 'Public'}
          </p>
          {community.joined ? (
            <button type="button" className="ve-secondary" aria-pressed="true">Joined</button>
          ) : community.requested ? (
            <button type="button" className="ve-secondary" aria-disabled="true">Requested</button>
          ) : (
            <button type="button" className="ve-primary" onClick={() => join(community)}>
              {community.private ? 'Request to join' : 'Join'}
            </button>
          )}
        </div>
        {community.joined && publisherTrigger}
        {community.private && !community.joined ? <p className="ve-muted">This community is private. Ask to join to see its conversations.</p> : list(conversations.filter((c) => c.group === community.id))}
      </>
    );
  } else if (thread) {
    const group = communities.find((x) => x.id === thread.group)!;
    content = (
      <>
        <p>
          <a {...link(groupPath(group))}>← {group.name}</a>
        </p>
        <h1 className="ve-title">Conversation</h1>
        {conversationView(thread)}
      </>
    );
  } else {
    const mine = new Set(joined.map((c) => c.id));
    content = (
      <>
        <h1 className="ve-title">Home</h1>
        {publisherTrigger}
        {list(conversations.filter((c) => mine.has(c.group)))}
      </>
    );
  }

  return (
    <div className="ve">
      <header className="ve-topbar">
        <a className="ve-brand" {...link('/main/feed')}>
          Viva Engage
        </a>
        <div className="ve-search" role="search">
          <input
            type="text"
            role="combobox"
            aria-label="Search"
            aria-autocomplete="list"
            aria-expanded={searchOpen && results.length > 0}
            aria-controls="ve-search-results"
            aria-activedescendant={searchOpen && results.length > 0 ? `ve-search-${searchActive}` : undefined}
            placeholder="Search"
            className="ve-search-input"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setSearchActive(0);
              setSearchOpen(true);
            }}
            onBlur={() => setSearchOpen(false)}
            onKeyDown={(e) => {
              if (!results.length) return;
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                setSearchOpen(true);
                setSearchActive((i) => (i + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
              } else if (e.key === 'Enter') {
                e.preventDefault();
                go(groupPath(results[searchActive] ?? results[0]!));
              } else if (e.key === 'Escape') setSearchOpen(false);
            }}
          />
          <ul id="ve-search-results" role="listbox" aria-label="Communities" className="ve-results" hidden={!(searchOpen && results.length > 0)}>
            {results.map((c, i) => (
              <li key={c.id} id={`ve-search-${i}`} role="option" aria-selected={i === searchActive} className="ve-result" onMouseDown={(e) => e.preventDefault()} onClick={() => go(groupPath(c))}>
                {c.name} <span className="ve-muted">· Community</span>
              </li>
            ))}
          </ul>
        </div>
      </header>
      <div className="ve-columns">
        <nav aria-label="Communities" className="ve-nav">
          <ul>
            <li>
              <a {...link('/main/feed')}>Home</a>
            </li>
          </ul>
          <h2 className="ve-nav-heading">Communities</h2>
          <ul>
            {joined.map((c) => (
              <li key={c.id}>
                <a {...link(groupPath(c))}>{c.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="ve-main">
          <p role="status" className="ve-status">
            {status}
          </p>
          {content}
        </main>
      </div>
      {publisher && <Publisher community={community?.joined ? community : null} joined={joined} onClose={closePublisher} onPost={post} />}
    </div>
  );
}
