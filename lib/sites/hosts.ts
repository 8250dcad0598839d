/**
 * The sites Digital Friend can guide people through. They are only ever *optional* host
 * permissions: each is requested from the user's own click when they start a walkthrough there.
 * Pure data, shared by the manifest, the permission adapter and the walkthrough library.
 */
export const TARGET_HOST_PATTERNS = [
  // X (formerly Twitter)
  'https://x.com/*',
  // LinkedIn: both the classic and the 2025–26 interface live on www.
  'https://www.linkedin.com/*',
  // Viva Engage, under its old and new hosts
  'https://web.yammer.com/*',
  'https://engage.cloud.microsoft/*',
  // Password managers' web vaults
  'https://vault.bitwarden.com/*',
  'https://lastpass.com/*',
] as const;

export type TargetHostPattern = (typeof TARGET_HOST_PATTERNS)[number];
