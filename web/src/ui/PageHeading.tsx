import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let focusNextHeading = false;

/** Called on an in-app navigation: the next page's heading takes the focus, as a full page load would reset it. */
export function focusHeadingOnNextPage(): void {
  focusNextHeading = true;
}

/** The page's one h1; also sets the document title so tabs and history read the page's name. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const product = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${product}`;
  }, [title, product]);
  useEffect(() => {
    if (focusNextHeading) {
      focusNextHeading = false;
      ref.current?.focus();
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
