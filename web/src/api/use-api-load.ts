import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from './api-client.ts';

/** Loads one API resource when `key` changes: the data, the error as the API said it, and a reload. */
export function useApiLoad<T>(fetcher: () => Promise<T>, key: string): { data: T | null; error: ApiRequestError | null; reload: () => void; setData: (d: T) => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` says when the fetcher changes.
  const reload = useCallback(() => {
    setError(null);
    fetcher().then(setData, (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))));
  }, [key]);
  useEffect(reload, [reload]);
  return { data, error, reload, setData };
}
