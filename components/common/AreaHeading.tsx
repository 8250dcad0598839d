import { useEffect, useRef } from 'react';
import { markReady } from './readyMark';

/**
 * An area's h1. It takes focus when the area opens after navigation, so keyboard and screen
 * reader users land at the top of what they chose rather than back at the navigation.
 */
export function AreaHeading({ children, focusOnMount = true }: { children: string; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    markReady();
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 className="govuk-heading-l" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
