import { ComingLater } from '../common/ComingLater';

export default function JournalArea() {
  return <ComingLater heading="journalHeading" body="journalEmpty" />;
}
