import { t } from '../../lib/platform/i18n';
import { pressOnSpace } from './linkButton';
import { journalHash } from './routes';

/** GOV.UK's "start" style link-as-button to a new entry. */
export function NewEntryButton() {
  return (
    <a href={journalHash({ view: 'new' })} role="button" draggable="false" className="govuk-button" data-module="govuk-button" onKeyDown={pressOnSpace}>
      {t('journalNew')}
    </a>
  );
}
