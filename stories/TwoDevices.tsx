import { useEffect, useState } from 'react';
import { createMemoryChatServer, type MemoryChatServer } from '../src';
import { ConversationListDemo } from './ConversationListDemo';
import { ServerPanel } from './ServerPanel';

export interface TwoDevicesProps {
  multiClientSync: boolean;
  latencyMs?: number;
  /** Lets a test reach the shared server. */
  onServer?: (server: MemoryChatServer) => void;
}

/**
 * One person's phone and laptop side by side on one in-memory server. Each keeps its deletions
 * in its own memory: sharing the page's `localStorage`, they would act as two tabs of one browser.
 */
export function TwoDevices(props: TwoDevicesProps) {
  const { multiClientSync, latencyMs = 200, onServer } = props;
  const [server] = useState(() =>
    createMemoryChatServer({
      conversations: 12,
      seed: 4,
      multiClientSync,
      latencyMs,
      referenceTime: Date.now(),
    }),
  );
  useEffect(() => onServer?.(server), [server, onServer]);
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <section aria-label="Phone">
        <ConversationListDemo
          server={server}
          deviceId="phone"
          keepDeletionsIn="memory"
          title="Phone"
          width={380}
          height={520}
        />
      </section>
      <section aria-label="Laptop">
        <ConversationListDemo
          server={server}
          deviceId="laptop"
          keepDeletionsIn="memory"
          title="Laptop"
          width={380}
          height={520}
        />
      </section>
      <ServerPanel server={server} />
    </div>
  );
}
