import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A journal view's h2. When the person moves between views it takes focus, as the area's h1 does
 * between areas, so keyboard and screen reader users start at the top of what they chose.
 */
export function ViewHeading({ children, focus, id }: { children: ReactNode; focus: boolean; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 className="govuk-heading-m" tabIndex={-1} ref={ref} id={id}>
      {children}
    </h2>
  );
}
