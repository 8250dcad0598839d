import type { TargetCandidate } from '../walkthrough/model';

/**
 * Bitwarden web vault (vault.bitwarden.com): Angular with hash routing, so step URL patterns
 * carry the '#' (lib/walkthrough/url.ts keeps the hash only when a pattern has one). Menus and
 * dialogs are mounted into the CDK overlay container (body > .cdk-overlay-container) when opened
 * and removed when closed. Facts and sources: shared/reference/target-sites.md §4 (bitwarden/clients
 * `main`, 2025–26). One candidate per line, most stable first.
 *
 * Never a password field: candidates point at controls next to it (generate, copy), and the
 * master-password check is pointed at as a whole dialog. find-target.ts refuses
 * input[type=password] anyway.
 */
export const BITWARDEN_ORIGIN = 'https://vault.bitwarden.com/*';
export const BITWARDEN_BASE = 'https://vault.bitwarden.com';

/** Hash routes (ORM, SRM). */
export const bitwardenUrls = {
  vault: `${BITWARDEN_BASE}/#/vault*`,
  generator: `${BITWARDEN_BASE}/#/tools/generator*`,
  twoFactor: `${BITWARDEN_BASE}/#/settings/security/two-factor*`,
  /** Any page of the app (the vault, tools and settings all live under #/). */
  anyPage: `${BITWARDEN_BASE}/#/*`,
};

export const bitwarden = {
  /** The vault header's "New" menu button (VH, NCM). Behind a newer flag it is #newItemButton. */
  newItemButton: [
    { css: 'button#newItemDropdown' },
    { css: '#newItemButton' },
    { role: 'button', name: 'New' },
  ],
  /** "Login" in the New menu: a bit-menu in the CDK overlay, role=menu (NCM). */
  newLoginMenuItem: [
    { role: 'menuitem', name: 'Login' },
    // Login is the menu's first item (NCM), whatever it is called in the person's language.
    { css: '.cdk-overlay-container [role="menu"] [role="menuitem"]:first-child' },
  ],
  /** The item dialog's form (VID): bit-dialog in the CDK overlay → form#cipherForm. */
  cipherForm: [
    { css: 'form#cipherForm' },
  ],
  /** "Item name" (IDS). Angular's formControlName is rendered as an attribute; there is no name=. */
  itemName: [
    { css: 'form#cipherForm input[formcontrolname="name"]' },
    { role: 'textbox', name: 'Item name' },
  ],
  /** "Username" in the login details (LDS). */
  username: [
    { css: 'form#cipherForm input[formcontrolname="username"]' },
    { role: 'textbox', name: 'Username' },
  ],
  /** The generate button beside the password field (LDS), never the field itself. */
  generatePasswordInForm: [
    { css: 'form#cipherForm [data-testid="generate-password-button"]' },
    { css: '[data-testid="generate-password-button"]' },
    { role: 'button', name: 'Generate password' },
  ],
  /** The first website address in the item form ("Website (URI)", LDS/URIs section). */
  websiteUri: [
    { css: 'form#cipherForm input[formcontrolname="uri"]' },
    { role: 'textbox', name: 'Website (URI)' },
    { role: 'textbox', name: 'Website' },
  ],
  /** The dialog footer's Save: outside the form, tied to it by form="cipherForm" (VID). */
  saveItem: [
    { css: 'button[type="submit"][form="cipherForm"]' },
    { role: 'button', name: 'Save' },
  ],
  /** Side navigation: Tools → Generator (ORM route tools/generator). */
  generatorLink: [
    { css: 'a[href="#/tools/generator"]' },
    { role: 'link', name: 'Generator' },
  ],
  /** The generator's Password / Passphrase / Username choice (a bit-toggle-group). */
  generatorType: [
    { css: 'bit-toggle-group' },
    { role: 'radiogroup', name: 'What would you like to generate?' },
    { text: 'Passphrase', tag: 'label' },
  ],
  /** The generator page's "make a new one" button. Never the generated value itself. */
  regenerate: [
    { role: 'button', name: 'Generate password' },
    { role: 'button', name: 'Generate passphrase' },
    { role: 'button', name: 'Regenerate' },
    { role: 'button', name: 'Generate' },
  ],
  /** The generator page's copy button. */
  copyGenerated: [
    { role: 'button', name: 'Copy password' },
    { role: 'button', name: 'Copy passphrase' },
    { role: 'button', name: 'Copy' },
  ],
  /** The two-step login page's heading (TFS). */
  twoFactorHeading: [
    { role: 'heading', name: 'Two-step login' },
    { css: 'main h1' },
  ],
  /**
   * "Manage" for the authenticator app. The provider list puts the authenticator app first (TFS),
   * so the first "Manage" is its own.
   */
  manageAuthenticator: [
    { role: 'button', name: 'Manage' },
    { text: 'Manage', tag: 'button' },
  ],
  /** Whatever dialog is open in the CDK overlay: here, the master-password check (TFS). */
  openDialog: [
    { css: '.cdk-overlay-container bit-dialog' },
    { css: '.cdk-overlay-container [role="dialog"]' },
    { css: '[role="dialog"][aria-modal="true"]' },
  ],
  /** The authenticator setup dialog's QR code and key (TFA). Seeing either means the check passed. */
  authenticatorQr: [
    { css: 'canvas#qr' },
    { css: '[role="dialog"] canvas' },
  ],
  /** The authenticator dialog's button that turns it on (TFA: "Enable"; newer copy "Turn on"). */
  enableAuthenticator: [
    { role: 'button', name: 'Turn on' },
    { role: 'button', name: 'Enable' },
  ],
  /**
   * The open dialog's close button: bit-dialog's header "Close" (an icon button named by its
   * title) or the footer's "Close" (TFA). Either closes it, so the first will do.
   */
  closeDialog: [
    { css: '.cdk-overlay-container bit-dialog button[aria-label="Close"]' },
    { role: 'button', name: 'Close' },
  ],
  /** The page's "View recovery code" callout button (TFS). */
  recoveryCode: [
    { role: 'button', name: 'View recovery code' },
    { text: 'View recovery code' },
  ],
} satisfies Record<string, TargetCandidate[]>;
