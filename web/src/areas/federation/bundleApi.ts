import { NetworkError, responseError } from '../../api/client';
import { attachmentName, type BundleFacts, exportedFacts } from './bundleFile';
import { FEDERATION_API, type ImportSummary } from './model';

// Bundles move as files, not as the JSON api() reads and writes: the export is saved as the node wrote it, and the
// import sends the chosen file as it is (it may be hundreds of megabytes; the node's body limit for it applies).

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', credentials: 'same-origin', ...init });
  } catch (error) {
    throw new NetworkError(error);
  }
  // The same errors as api(): a 401 here (the session expired while a file was chosen) returns to sign-in.
  if (!response.ok) throw await responseError(path, response);
  return response;
}

export interface ExportedBundle {
  file: Blob;
  name: string;
  facts: BundleFacts | null;
}

/** The partner's envelopes as a bundle file (optionally encrypted to it), after a feed position when given. */
export async function exportBundle(options: {
  to: string;
  encrypt: boolean;
  after?: number;
}): Promise<ExportedBundle> {
  const response = await send(`${FEDERATION_API}/bundles/export`, {
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  return {
    // Kept as the node sent it, never parsed here: a bundle may be hundreds of megabytes.
    file: await response.blob(),
    name: attachmentName(response.headers.get('content-disposition'), `liaison-bundle-${options.to}.json`),
    facts: exportedFacts(response.headers, options.to),
  };
}

/** Sends a bundle file received from a partner; the node applies it like a pull. */
export async function importBundle(file: Blob): Promise<ImportSummary> {
  const response = await send(`${FEDERATION_API}/bundles/import`, {
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: file,
  });
  return (await response.json()) as ImportSummary;
}

/** Offers a file to the browser to save. */
export function download(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
