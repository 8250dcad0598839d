import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PracticeApp } from '../../components/practice/PracticeApp';
import { createVirtualLocation } from '../../components/practice/virtualLocation';
import { applyDocumentLanguage, t } from '../../lib/platform/i18n';
import { startGuideClient, type GuideRuntime } from '../../lib/overlay/client';
import { findLesson } from '../../lib/walkthrough/catalogue';

// An offline practice copy: a stand-in for one screen of a real site, bundled with the extension,
// running the same steps with the same overlay. Nothing typed here leaves the device.
const lessonId = decodeURIComponent(location.hash.slice(1));
const lesson = findLesson(lessonId);
const where = createVirtualLocation(lesson?.startUrl ?? 'https://x.com/home');
applyDocumentLanguage(document);
document.title = t('practiceTitle', lesson?.title ?? t('brandName'));
createRoot(document.getElementById('root')!).render(<PracticeApp lesson={lesson} location={where} />);
startGuideClient({ runtime: browser.runtime as unknown as GuideRuntime, doc: document, t, url: where.href });
