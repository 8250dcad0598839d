import type { ReactNode } from 'react';
import { parseMarkdown, safeHref, type Inline } from '../../lib/journal/markdown';
import { t } from '../../lib/platform/i18n';

function inline(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'link': {
        // The parser only makes http(s) links; checked again here, where the href is written.
        const href = safeHref(node.href);
        if (!href) return <span key={i}>{inline(node.children)}</span>;
        return (
          <a key={i} className="govuk-link" href={href} rel="noopener noreferrer" target="_blank">
            {inline(node.children)}
            <span className="govuk-visually-hidden">{` ${t('journalOpensNewTab')}`}</span>
          </a>
        );
      }
    }
  });
}

/**
 * An entry's words with their light Markdown, built as React elements: text is always text, so
 * HTML or script typed into an entry shows as typed and never runs. Never innerHTML.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="df-entry-text">
      {parseMarkdown(source).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p className="govuk-body" key={i}>
            {inline(block.children)}
          </p>
        ) : (
          <ul className="govuk-list govuk-list--bullet" key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
