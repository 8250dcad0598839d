import { ComingLater } from '../common/ComingLater';

export default function DraftsArea() {
  return <ComingLater heading="draftsHeading" body="draftsEmpty" />;
}
