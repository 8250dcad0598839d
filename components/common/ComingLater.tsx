import { t } from '../../lib/platform/i18n';
import type { MessageKey } from '../../lib/i18n/messages';
import { AreaHeading } from './AreaHeading';

/** An honest empty state for an area whose feature has not been built yet: no fake lists. */
export function ComingLater({ heading, body }: { heading: MessageKey; body: MessageKey }) {
  return (
    <>
      <AreaHeading>{t(heading)}</AreaHeading>
      <strong className="govuk-tag govuk-tag--grey">{t('comingLater')}</strong>
      <p className="govuk-body govuk-!-margin-top-3">{t(body)}</p>
    </>
  );
}
