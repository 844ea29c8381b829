import { useEffect, useState } from 'react';
import { ApiError, api } from './client';

/** What a page knows of one API resource: still coming, here, not on this node (404), or failed. */
export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'absent' }
  | { state: 'failed'; error: unknown };

/** Reads one resource when the component appears; a 404 is "absent", a normal state for features still to come. */
export function useApiData<T>(path: string): Loadable<T> {
  const [loadable, setLoadable] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoadable({ state: 'loading' });
    api<T>(path, { signal: controller.signal }).then(
      (data) => setLoadable({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoadable(
          error instanceof ApiError && error.status === 404
            ? { state: 'absent' }
            : { state: 'failed', error },
        );
      },
    );
    return () => controller.abort();
  }, [path]);
  return loadable;
}
