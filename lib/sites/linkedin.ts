import type { TargetCandidate } from '../walkthrough/model';

/**
 * LinkedIn (www.linkedin.com). Facts and sources: shared/reference/target-sites.md §2.
 *
 * LinkedIn serves two interfaces, chosen per account, so every list below has candidates for both:
 * - classic (Ember): artdeco modals in #artdeco-modal-outlet, a Quill editor, stable `share-*`
 *   class names (BP 2022, COS 2025-12). These classes are LinkedIn's own component names, not
 *   build hashes, so they are allowed here.
 * - the 2025–26 "SDUI" rollout: class names change every build, so only aria labels, ids,
 *   data-testid, `componentkey` and role/name are used. Much of its chrome, including the classic
 *   share dialog, is mounted inside the OPEN shadow root of div#interop-outlet; findTarget searches
 *   open shadow roots, so the classic candidates also find the composer there (XPOST, ARC, LRP).
 * One candidate per line, most stable first.
 */
export const LINKEDIN_ORIGIN = 'https://www.linkedin.com/*';

export const linkedin = {
  /** "Start a post" at the top of the feed. */
  startPost: [
    // Classic share box trigger (BP, COS).
    { css: 'button.share-box-feed-entry__trigger' },
    // 2025–26: a div labelled "Start a post", not a <button> (ARC 2026-05).
    { css: '[aria-label="Start a post"]' },
    // 2025–26: the role=button beside the share box's profile picture (XPOST).
    { css: '#shareboxProfilePictureComponentRef ~ [role="button"]' },
    { role: 'button', name: 'Start a post' },
  ],
  /**
   * The post editor in the share dialog. A placeholder dialog mounts first and is swapped for
   * the real one about half a second later (XPOST); the guide follows the swap.
   */
  postEditor: [
    // Classic Quill editor; in the 2026 UI the same markup sits in #interop-outlet's shadow root.
    { css: '.share-creation-state__text-editor .ql-editor[contenteditable="true"]' },
    { css: '[data-test-ql-editor-contenteditable="true"][role="textbox"]' },
    { css: '[role="textbox"][aria-label="Text editor for creating content"]' },
    // SDUI share dialog with a Tiptap editor (XPOST, M).
    { css: '[componentkey="ShareBox_textEditor"][contenteditable="true"]' },
    { css: '[data-testid="ui-core-tiptap-text-editor-wrapper"] .ProseMirror[role="textbox"]' },
  ],
  /** The share dialog's Post button: disabled while the editor is empty (ARC, XPOST). */
  postButton: [
    { css: 'button.share-actions__primary-action' },
    // SDUI: the dialog's only text button; its classes are hashed, so by role and name.
    { role: 'button', name: 'Post' },
  ],
  /** The success toast after posting, with a "View post" link (ARC; the toast markup is L). */
  postedToast: [
    { css: '[data-test-artdeco-toast-item-type="success"]' },
    { css: '.artdeco-toast-item' },
    { css: '[role="alert"]' },
  ],

  /** Article editor at /article/new/ (COS 2025-12, ART). */
  articleTitle: [
    { css: '#article-editor-headline__textarea' },
    { role: 'textbox', name: 'Title' },
  ],
  articleBody: [
    { css: '[data-test-article-editor-content-textbox]' },
    { css: '[role="textbox"][aria-label="Article editor content"]' },
    { role: 'textbox', name: 'Article editor content' },
  ],
  /** "Next" at the top of the article editor opens the publishing screen. */
  articleNext: [
    { role: 'button', name: 'Next' },
  ],
  /** The publishing screen's message box: the same Quill editor as the share dialog (COS). */
  publishCommentary: [
    { css: '[role="dialog"] [role="textbox"][aria-label="Text editor for creating content"]' },
    { css: '[role="textbox"][aria-label="Text editor for creating content"]' },
  ],
  publishButton: [
    { role: 'button', name: 'Publish' },
  ],

  /** The pencil that opens the intro form (/in/<slug>/edit/intro/), where the headline is (LIEDIT 2026, ARC). */
  editIntro: [
    // Classic: a button labelled "Edit intro".
    { css: 'button[aria-label*="Edit intro"]' },
    // 2025–26: a link to the intro form.
    { css: 'a[href*="/edit/intro/"]' },
    { role: 'button', name: 'Edit intro' },
  ],
  /** Headline: a textarea in classic, a contenteditable div in the 2025–26 form; 220 characters at most. */
  headlineField: [
    // Classic: ids like single-line-text-form-component-…-headline (L: seen in scripts, unsourced).
    { css: '[role="dialog"] textarea[id$="-headline"]' },
    { css: '[role="dialog"] div[contenteditable="true"][aria-label^="Headline"]' },
    { role: 'textbox', name: 'Headline' },
  ],
  /** The intro form's Save button (both interfaces label it "Save"; no stable attribute is known). */
  introSave: [
    { role: 'button', name: 'Save' },
  ],
  /**
   * The headline as shown under the name (classic: LinkedIn's utility classes, LIEDIT). The 2025–26
   * profile has no known stable hook, so the step that uses this is optional.
   */
  headlineDisplay: [
    { css: 'main .text-body-medium.break-words' },
  ],
} satisfies Record<string, TargetCandidate[]>;
