/**
 * A JSON request whose upload can be watched: fetch() reports no upload progress, so a large
 * draft goes through XMLHttpRequest, which does. The caller hears how many bytes have gone,
 * then that the server is working; the answer comes back as status and parsed body.
 */
export type TransferProgress = { readonly phase: 'uploading'; readonly loaded: number; readonly total: number } | { readonly phase: 'waiting' };

export interface RawResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Raised when no answer arrived at all (network down, server gone), as opposed to an error answer. */
export class NetworkError extends Error {
  constructor() {
    super('The server could not be reached.');
    this.name = 'NetworkError';
  }
}

export function sendWithProgress(method: string, url: string, body: Blob, headers: Readonly<Record<string, string>>, onProgress: (progress: TransferProgress) => void): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress({ phase: 'uploading', loaded: event.loaded, total: event.lengthComputable ? event.total : body.size });
    // Every byte has gone: what remains is the server's work.
    xhr.upload.onload = () => onProgress({ phase: 'waiting' });
    xhr.onload = () => {
      resolve({ status: xhr.status, body: parseBody(xhr.responseText) });
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new NetworkError());
    onProgress({ phase: 'uploading', loaded: 0, total: body.size });
    xhr.send(body);
  });
}

/** JSON as the API answers; anything else (a proxy's error page) kept as text a person can read. */
function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 500) };
  }
}
