import { ComingLater } from '../common/ComingLater';

export default function PacksArea() {
  return <ComingLater heading="packsHeading" body="packsEmpty" />;
}
