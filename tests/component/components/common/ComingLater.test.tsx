import { render, screen } from '@testing-library/react';
import { ComingLater } from '../../../../components/common/ComingLater';
import { READY_MARK } from '../../../../components/common/readyMark';

describe('ComingLater', () => {
  beforeEach(() => performance.clearMarks(READY_MARK));

  it('says plainly that the feature is not available yet, with no made-up content', () => {
    render(<ComingLater heading="journalHeading" body="journalEmpty" />);

    expect(screen.getByRole('heading', { level: 1, name: 'Journal' })).toBeInTheDocument();
    expect(screen.getByText('Not available yet')).toBeInTheDocument();
    expect(screen.getByText(/Your private reflections journal will live here\./)).toBeInTheDocument();
    // An honest empty state: no sample entries, no controls that do nothing.
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('puts focus on its heading and marks the page ready', () => {
    render(<ComingLater heading="packsHeading" body="packsEmpty" />);

    expect(screen.getByRole('heading', { level: 1, name: 'Lesson packs' })).toHaveFocus();
    expect(performance.getEntriesByName(READY_MARK, 'mark')).toHaveLength(1);
  });
});
