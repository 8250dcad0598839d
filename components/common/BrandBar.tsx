import { t } from '../../lib/platform/i18n';

/** The product's own mark: a speech bubble with a tick. Not the crown, which is GOV.UK's alone. */
export function BrandBar() {
  return (
    <div className="df-brand">
      <svg className="df-brand__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" />
        <path fill="none" stroke="#1d70b8" strokeWidth="2.4" d="M7 10.5l3 3 7-7" />
      </svg>
      <span>{t('brandName')}</span>
    </div>
  );
}
