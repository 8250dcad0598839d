import { AreaHeading } from '../common/AreaHeading';
import { t } from '../../lib/platform/i18n';
import { PromptSettingsForm } from './PromptSettingsForm';
import { ResetEverything } from './ResetEverything';

export default function SettingsArea() {
  return (
    <>
      <AreaHeading>{t('settingsHeading')}</AreaHeading>
      <PromptSettingsForm />
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
      <ResetEverything />
    </>
  );
}
