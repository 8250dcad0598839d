import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { t } from '../../lib/platform/i18n';
import { EntryArrayFeed } from './EntryArrayFeed';
import { formatCount } from './format';
import { useJournalDeps } from './journalDeps';
import { journalHash } from './routes';
import { go } from './useHash';
import { ViewHeading } from './ViewHeading';

const STEP = 50;

/**
 * Full-text search over every entry: word prefixes, capitals and accents ignored (repo.search, on
 * the journal's search index), matches marked and counted exactly. The query lives in the URL
 * (#journal/search?q=…). The newest 50 matches are read first; more are read as the list scrolls
 * towards its end.
 */
export function SearchView({ q, focus }: { q: string; focus: boolean }) {
  const { repo } = useJournalDeps();
  const [query, setQuery] = useState(q);
  const [limit, setLimit] = useState(STEP);
  // Read the search index into memory while the person types, so the first search is as quick as the rest.
  useEffect(() => void repo.warmSearch().catch(() => undefined), [repo]);
  const result = useLiveQuery(() => (q.trim() ? repo.search(q, limit) : Promise.resolve(null)), [repo, q, limit]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLimit(STEP);
    go(journalHash({ view: 'search', q: query.trim() }));
  };
  const shown = result?.entries.length ?? 0;
  const total = result?.total ?? 0;
  const more = result?.more ?? false;
  const onRange = useCallback(
    (_first: number, last: number) => {
      if (last >= shown - 10 && more && shown >= limit) setLimit((l) => l + STEP);
    },
    [shown, more, limit],
  );

  return (
    <>
      <ViewHeading focus={focus}>{t('journalNavSearch')}</ViewHeading>
      <form role="search" onSubmit={submit} noValidate>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="journal-search">
            {t('journalSearchLabel')}
          </label>
          <div className="govuk-hint" id="journal-search-hint">
            {t('journalSearchHint')}
          </div>
          <div className="df-search-row">
            <input
              className="govuk-input"
              id="journal-search"
              name="q"
              type="search"
              spellCheck={false}
              autoComplete="off"
              aria-describedby="journal-search-hint"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <button type="submit" className="govuk-button govuk-!-margin-bottom-0">
              {t('journalSearchButton')}
            </button>
          </div>
        </div>
      </form>
      <p className="govuk-body" role="status" data-testid="journal-search-status">
        {result && (total === 0 ? t('journalSearchNone', q) : formatCount(total, 'journalSearchOne', 'journalSearchMany'))}
      </p>
      {result && shown > 0 && <EntryArrayFeed entries={result.entries} terms={result.terms} onRange={onRange} />}
    </>
  );
}
