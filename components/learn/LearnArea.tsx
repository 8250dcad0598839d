import { ComingLater } from '../common/ComingLater';

export default function LearnArea() {
  return <ComingLater heading="learnHeading" body="learnEmpty" />;
}
