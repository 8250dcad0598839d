import type { KeyboardEvent } from 'react';

/**
 * A link styled as a GOV.UK button says role="button", so it must also do what buttons do: act on
 * Space as well as Enter (govuk-frontend's own JavaScript does this; the extension does not load it).
 */
export function pressOnSpace(event: KeyboardEvent<HTMLAnchorElement>): void {
  if (event.key !== ' ') return;
  event.preventDefault();
  event.currentTarget.click();
}
