import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyDocumentLanguage, t } from '../../lib/platform/i18n';
import type { MessageKey } from '../../lib/i18n/messages';
import '../../styles/app.scss';

/** Shared start-up of every extension page: language, title, GOV.UK body class, React root. */
export function mountPage(titleKey: MessageKey, app: ReactNode): void {
  applyDocumentLanguage(document);
  document.title = t(titleKey);
  document.body.classList.add('govuk-frontend-supported');
  const root = document.getElementById('root');
  if (!root) throw new Error('Page is missing #root');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
