import type { TargetCandidate } from '../walkthrough/model';

/**
 * LastPass web vault (lastpass.com/vault/). The vault UI runs inside a same-origin iframe,
 * iframe#newvault (title "Last Pass Vault"); find-target.ts searches same-origin iframes, so these
 * selectors are written against the frame's own document. Facts: shared/reference/target-sites.md
 * §4 (LPA, 2023-12: element ids from a public automation suite). One candidate per line, most
 * stable first.
 *
 * Never the "Site password" field: the lesson describes it in words.
 */
export const LASTPASS_ORIGIN = 'https://lastpass.com/*';
export const LASTPASS_VAULT = 'https://lastpass.com/vault/';

export const lastpassUrls = {
  vault: 'https://lastpass.com/vault/*',
};

export const lastpass = {
  /**
   * The vault's add button (#openAddDialog); an empty vault shows #addMenuButtonDefault instead
   * (LPA).
   */
  addButton: [
    { css: '#openAddDialog' },
    { css: '#addMenuButtonDefault' },
    { role: 'button', name: 'Add item' },
  ],
  /** The "Password" card in the add menu (LPA: button.addItemCard.Password). */
  passwordCard: [
    { css: 'button.addItemCard.Password' },
    { role: 'button', name: 'Password' },
  ],
  /** The add-site dialog's URL field (LPA). */
  siteUrl: [
    { css: '#siteDialogURL' },
    { role: 'textbox', name: 'URL' },
  ],
  /** The add-site dialog's name field (LPA; the newer form labels it "Name"). */
  siteName: [
    { css: '#siteDialogName' },
    { role: 'textbox', name: 'Name' },
  ],
  /** The add-site dialog's Save button (LPA: "Save"; its id is not recorded, so by name). */
  save: [
    { role: 'button', name: 'Save' },
    { text: 'Save', tag: 'button' },
  ],
} satisfies Record<string, TargetCandidate[]>;
