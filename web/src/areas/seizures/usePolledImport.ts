import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Loadable } from '../../api/useApiData';
import { SEIZURES_API, type SeizureImport } from './model';

const POLL_MS = 500;

/** The import, read again every half second while it runs, so its counts grow on screen. */
export function usePolledImport(id: string): Loadable<SeizureImport> {
  const [loadable, setLoadable] = useState<Loadable<SeizureImport>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      api<SeizureImport>(`${SEIZURES_API}/imports/${id}`, { signal: controller.signal }).then(
        (imp) => {
          setLoadable({ state: 'ready', data: imp });
          if (imp.status === 'running') timer = setTimeout(read, POLL_MS);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setLoadable(
            error instanceof ApiError && error.status === 404
              ? { state: 'absent' }
              : { state: 'failed', error },
          );
        },
      );
    };
    read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id]);
  return loadable;
}
