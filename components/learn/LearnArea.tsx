import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db';
import { t } from '../../lib/platform/i18n';
import type { MessageKey } from '../../lib/i18n/messages';
import { allLessons } from '../../lib/walkthrough/catalogue';
import type { Topic } from '../../lib/walkthrough/model';
import { AreaHeading } from '../common/AreaHeading';
import { CurrentStep } from './CurrentStep';
import { ReportedSteps } from './ReportedSteps';
import { useSession } from './useSession';
import { WalkthroughCard } from './WalkthroughCard';

const TOPICS: [Topic, MessageKey][] = [
  ['viva-engage', 'topicVivaEngage'],
  ['x', 'topicX'],
  ['linkedin', 'topicLinkedIn'],
  ['passwords', 'topicPasswords'],
];

export default function LearnArea() {
  const session = useSession();
  const progress = useLiveQuery(() => getDb().progress.toArray(), []);
  const byLesson = new Map((progress ?? []).map((p) => [p.lessonId, p]));
  const lessons = allLessons();
  const running = Boolean(session && session.status === 'active');
  return (
    <>
      <AreaHeading>{t('learnHeading')}</AreaHeading>
      {session && <CurrentStep session={session} />}
      <p className="govuk-body">{t('learnIntro')}</p>
      {TOPICS.map(([topic, label]) => {
        const inTopic = lessons.filter((l) => l.topic === topic);
        if (inTopic.length === 0) return null;
        return (
          <section key={topic} aria-labelledby={`topic-${topic}`}>
            <h2 className="govuk-heading-m" id={`topic-${topic}`}>
              {t(label)}
            </h2>
            <ul className="govuk-list df-cards">
              {inTopic.map((lesson) => (
                <WalkthroughCard key={lesson.id} lesson={lesson} progress={byLesson.get(lesson.id)} running={running} />
              ))}
            </ul>
          </section>
        );
      })}
      <ReportedSteps />
    </>
  );
}
