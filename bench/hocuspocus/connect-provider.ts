/** One Hocuspocus client with a WebSocket of its own (`ws`: Node 20 has no global WebSocket); resolves when synced. */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type * as Y from 'yjs';

export function connectProvider(url: string, document: Y.Doc): Promise<HocuspocusProvider> {
  const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  return new Promise((resolve) => {
    // Awareness off: only the document's changes travel, as on Parley's live stream.
    const provider = new HocuspocusProvider({ websocketProvider, name: 'soak', document, awareness: null, onSynced: () => resolve(provider) });
    provider.attach();
  });
}
