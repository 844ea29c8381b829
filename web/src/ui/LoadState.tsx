import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errors';
import type { Loadable } from '../api/useApiData';
import { Loading } from './Loading';
import { Notice } from './Notice';

interface LoadStateProps<T> {
  loadable: Loadable<T>;
  children: (data: T) => ReactNode;
  /** What to say when the node has no such resource (404); by default the generic "not found". */
  absent?: ReactNode;
}

/** Renders a resource once it is here, and says so in words while it is loading, missing or failed. */
export function LoadState<T>({ loadable, children, absent }: LoadStateProps<T>) {
  const { t } = useTranslation();
  switch (loadable.state) {
    case 'loading':
      return <Loading />;
    case 'ready':
      return <>{children(loadable.data)}</>;
    case 'absent':
      return <>{absent ?? <Notice tone="info">{t('errors.notFound')}</Notice>}</>;
    case 'failed': {
      const message = describeError(loadable.error);
      return <Notice tone="error">{t(message.key, message.values)}</Notice>;
    }
  }
}
