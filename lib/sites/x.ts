import type { TargetCandidate } from '../walkthrough/model';

/**
 * X (x.com): a React Native for Web app with hashed class names, so only data-testid, role and
 * aria attributes are used. Facts and sources: shared/reference/target-sites.md §1.
 * One candidate per line, most stable first.
 */
export const X_ORIGIN = 'https://x.com/*';

export const x = {
  /** The inline composer's editor at the top of the Home timeline (XWEB, CPFT 2026-08). */
  homeEditor: [
    { css: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"][role="textbox"]' },
    // The label X gives the editor; survives a testid rename.
    { css: '[data-testid="primaryColumn"] [role="textbox"][aria-label="Post text"]' },
    { role: 'textbox', name: 'Post text' },
  ],
  /** The inline composer's Post button; aria-disabled until there is text (XWEB, HELM). */
  homePostButton: [
    { css: 'button[data-testid="tweetButtonInline"]' },
    { role: 'button', name: 'Post' },
  ],
  /** Side navigation's compose link to /compose/post (XWEB SideNav). Mobile: the floating button. */
  sideNavCompose: [
    { css: 'a[data-testid="SideNav_NewTweet_Button"]' },
    { css: '[data-testid="FloatingActionButtons_Tweet_Button"]' },
    { role: 'link', name: 'Post' },
  ],
  /** A post's Reply button, in the timeline or on a status page (CPFT, XACT). */
  firstTweetReply: [
    { css: 'article[data-testid="tweet"] [data-testid="reply"]' },
    { role: 'button', name: 'Reply' },
  ],
  /** The editor inside the compose or reply modal in #layers (CPFT). */
  modalEditor: [
    { css: '[role="dialog"] [data-testid="tweetTextarea_0"][role="textbox"]' },
    { css: '#layers [role="textbox"][contenteditable="true"]' },
  ],
  /** The modal's Post button; aria-disabled until there is text (XWEB, HELM). */
  modalPostButton: [
    { css: '[role="dialog"] button[data-testid="tweetButton"]' },
    { role: 'button', name: 'Post' },
  ],
  /**
   * The reply modal's button: the same testid as the compose modal's, labelled "Reply" (CPFT).
   * The role fallback also matches the timeline's Reply icons, so it stays last.
   */
  replyButton: [
    { css: '[role="dialog"] button[data-testid="tweetButton"]' },
    { css: '#layers button[data-testid="tweetButton"]' },
    { role: 'button', name: 'Reply' },
  ],
  /** The toast after posting: "Your post was sent." (XWEB, HELM). */
  sentToast: [
    { css: '[data-testid="toast"]' },
    { css: '[role="alert"]' },
  ],
  /** The side navigation's link to your own profile (/<handle>); labelled "Profile" (XWEB SideNav). */
  profileLink: [
    { css: 'a[data-testid="AppTabBar_Profile_Link"]' },
    { role: 'link', name: 'Profile' },
  ],
  /** Profile page: "Edit profile" opens the /settings/profile modal (XWEB SettingsProfile). */
  editProfileButton: [
    { css: '[data-testid="editProfileButton"]' },
    { role: 'link', name: 'Edit profile' },
    { role: 'button', name: 'Edit profile' },
  ],
  bioField: [
    { css: 'textarea[name="description"]' },
    { role: 'textbox', name: 'Bio' },
  ],
  profileSave: [
    { css: '[data-testid="Profile_Save_Button"]' },
    { role: 'button', name: 'Save' },
  ],
  /**
   * Settings → Security and account access lists "Security" (/settings/security), which lists
   * "Two-factor authentication". Rows are plain links (XACT); the route strings are X's (XWEB).
   */
  securityLink: [
    { css: 'a[href="/settings/security"]' },
    { role: 'link', name: 'Security' },
  ],
  twoFactorLink: [
    { css: 'a[href="/settings/account/login_verification"]' },
    { role: 'link', name: 'Two-factor authentication' },
  ],
  /** The "Authentication app" option on the 2FA page (XWEB i18n strings; the page's testids are unknown). */
  authAppOption: [
    { role: 'checkbox', name: 'Authentication app' },
    { text: 'Authentication app' },
  ],
  /** The set-up dialog's first button after choosing the app ("Get started"; L: not in XWEB, no known testid). */
  twoFactorStart: [
    { role: 'button', name: 'Get started' },
  ],
} satisfies Record<string, TargetCandidate[]>;
