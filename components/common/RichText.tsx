import { parseRichText } from '../../lib/walkthrough/richtext';

/** A step's words with their little formatting, built as React elements: never parsed as HTML. */
export function RichText({ source, className = 'govuk-body' }: { source: string; className?: string }) {
  return (
    <>
      {parseRichText(source).map((paragraph, i) => (
        <p className={className} key={i}>
          {paragraph.map((inline, j) =>
            inline.kind === 'strong' ? <strong key={j}>{inline.text}</strong> : inline.kind === 'key' ? <kbd key={j}>{inline.text}</kbd> : inline.text,
          )}
        </p>
      ))}
    </>
  );
}
