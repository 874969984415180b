// The connection to the service as React state, and a count of reconnections that views add to
// their effects' dependencies to fetch again what may have changed while the server was away.
import { useEffect, useState } from 'react';
import type { ConnectionState } from './bridge.ts';
import { onConnection } from './client.ts';

export function useConnection(): { state: ConnectionState; reconnections: number } {
  const [value, setValue] = useState<{ state: ConnectionState; reconnections: number }>({ state: 'connecting', reconnections: 0 });
  useEffect(
    () =>
      onConnection((next) =>
        setValue((prev) => ({
          state: next,
          reconnections: prev.state === 'lost' && next === 'open' ? prev.reconnections + 1 : prev.reconnections,
        })),
      ),
    [],
  );
  return value;
}
