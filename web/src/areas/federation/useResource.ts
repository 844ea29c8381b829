import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Loadable } from '../../api/useApiData';

/**
 * Like useApiData, with a reload: the federation pages change what they show (pull now, confirm, retry) and then
 * read it again. The previous data stays on screen while it reloads, so the page does not jump.
 */
export function useResource<T>(path: string | null): [Loadable<T>, () => void] {
  const [loadable, setLoadable] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the reload trigger
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
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
  }, [path, round]);
  return [loadable, reload];
}
