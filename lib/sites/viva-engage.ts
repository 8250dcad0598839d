import type { TargetCandidate } from '../walkthrough/model';

/**
 * Viva Engage (formerly Yammer): a React app in #root with Fluent-style hashed classes and no
 * stable data-* hooks known publicly, so candidates use role plus accessible name first and
 * visible text after that. Never hashed classes. Facts and sources: shared/reference/target-sites.md §3.
 *
 * Walkthroughs use the new host, engage.cloud.microsoft. web.yammer.com serves the same app with
 * the same routes (/main/feed, /main/groups/<b64>/all, /main/threads/<b64>), so these selectors
 * apply there too; only the URL patterns in the lessons name the host.
 * One candidate per line, most stable first.
 */
export const VIVA_ENGAGE_ORIGIN = 'https://engage.cloud.microsoft/*';
export const VIVA_ENGAGE_BASE = 'https://engage.cloud.microsoft';

/** URL patterns of the app's routes (target-sites.md §3). Ids are base64 JSON, so `*` stands in. */
export const vivaEngageUrls = {
  anyPage: `${VIVA_ENGAGE_BASE}/main/*`,
  feed: `${VIVA_ENGAGE_BASE}/main/feed`,
  community: `${VIVA_ENGAGE_BASE}/main/groups/*`,
  thread: `${VIVA_ENGAGE_BASE}/main/threads/*`,
};

export const vivaEngage = {
  /**
   * A community link in the left navigation (YFP: role=navigation → link named after the
   * community). Any community will do for a first post, so the first one is fine.
   */
  navCommunityLink: [
    { css: 'nav a[href*="/main/groups/"]' },
    { css: '[role="navigation"] a[href*="/main/groups/"]' },
    // The old host's links are relative too, but some tenants link with the org segment.
    { css: 'nav a[href*="/groups/"]' },
  ],
  /**
   * The publisher trigger at the top of the feed or a community (YFP, Sep 2026). Older tenants
   * say "Start a post". Names match as a prefix, case-insensitively.
   */
  publisherButton: [
    { role: 'button', name: 'Share thoughts, ideas, or updates' },
    { role: 'button', name: 'Start a post' },
    { text: 'Share thoughts, ideas, or updates' },
    { text: 'Start a post' },
  ],
  /**
   * The publisher's Draft.js editor, inline or in a dialog (YFP; YSEL: blocks are
   * .public-DraftStyleDefault-block inside the contenteditable). In a dialog first, because a
   * feed can hold reply editors too.
   */
  publisherEditor: [
    { css: '[role="dialog"] [contenteditable="true"][role="textbox"]' },
    { role: 'textbox', name: 'Share thoughts, ideas, or updates' },
    { css: '[contenteditable="true"][role="textbox"]' },
  ],
  /**
   * Post types offered by the publisher. The type picker is not in every tenant or layout, so
   * steps that use it are optional. Tabs first (a tab list of types), then a plain button or menu.
   */
  questionType: [
    { role: 'tab', name: 'Question' },
    { role: 'radio', name: 'Question' },
    { role: 'menuitemradio', name: 'Question' },
    { role: 'button', name: 'Question' },
  ],
  /** The publisher's and reply box's send button, "Post" (YFP). Disabled until there is text. */
  postButton: [
    { role: 'button', name: 'Post' },
    { text: 'Post', tag: 'button' },
  ],
  /**
   * The Reply action under a conversation. The 2025–26 layout may say "Comment" instead; both
   * open the inline reply box. The first conversation's comes first in the page.
   */
  replyButton: [
    { role: 'button', name: 'Reply' },
    { role: 'button', name: 'Comment' },
  ],
  /** The inline reply editor: Draft.js, like the publisher's. */
  replyEditor: [
    { role: 'textbox', name: 'Write a reply' },
    { role: 'textbox', name: 'Add a reply' },
    { role: 'textbox', name: 'Write a comment' },
    { css: '[role="article"] [contenteditable="true"][role="textbox"]' },
    { css: '[contenteditable="true"][role="textbox"]' },
  ],
  /**
   * The @mention typeahead. Unverified (L in target-sites.md §3): assumed to be a listbox of
   * people, possibly in a Fluent layer at the end of <body>. Steps that use it are optional.
   */
  mentionList: [
    // The whole list, so that choosing any name in it counts as the click. Fluent UI renders
    // popups in a layer at the end of <body> (ms-Layer is Fluent's public class, not a hash).
    { css: '.ms-Layer [role="listbox"]' },
    // Any other listbox except the search box's own suggestions, which may sit hidden in the
    // page: find-target.ts falls back to hidden matches, and one would stop this optional step
    // from ever skipping itself.
    { css: '[role="listbox"]:not([role="search"] *)' },
  ],
  /** The search box in the top bar, which also finds communities. */
  searchBox: [
    { role: 'combobox', name: 'Search' },
    { css: 'input[type="search"]' },
    { role: 'textbox', name: 'Search' },
  ],
  /**
   * Suggestions under the search box. Their markup is not recorded (L): a listbox tied to the
   * search combobox is the usual pattern, so that comes first, then any listbox.
   */
  searchSuggestions: [
    { css: '[role="search"] [role="listbox"]' },
    { css: '[role="listbox"]' },
  ],
  /** The community page's title in its header. */
  communityHeading: [
    { css: 'main h1' },
    { css: '[role="main"] h1' },
    { css: 'h1' },
  ],
  /**
   * "Join" (public community) or "Request to join" (private); some networks let people "Follow"
   * a community instead (UARK KB; L). Only one of these shows at a time.
   */
  joinButton: [
    { role: 'button', name: 'Join' },
    { role: 'button', name: 'Request to join' },
    { role: 'button', name: 'Follow' },
  ],
  /** A conversation in a feed; the newest is first (assumed role=article, L). */
  firstConversation: [
    { css: '[role="main"] [role="article"]' },
    { css: 'main [role="article"]' },
    { css: 'article' },
  ],
} satisfies Record<string, TargetCandidate[]>;
