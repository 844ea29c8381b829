import { ApiError, NetworkError } from '../../api/client';
import type { Problem } from '../../api/types';
import { SEIZURES_API, type Uploaded, uploadType } from './model';

function problemOf(xhr: XMLHttpRequest): Problem | undefined {
  if (!(xhr.getResponseHeader('content-type') ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(xhr.responseText) as Problem;
  } catch {
    return undefined;
  }
}

/**
 * Sends the file itself as the request body (the node streams it to disk; no multipart). XMLHttpRequest rather
 * than fetch: only it reports upload progress, which a person waiting on a 40 MB file needs to see.
 */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${SEIZURES_API}/imports?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', uploadType(file.type));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as Uploaded);
      } else reject(new ApiError(xhr.status, problemOf(xhr), undefined));
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
