import { useEffect, useState } from 'react';

// The hooks every screen of the room shares live in client/room/hooks/, beside section.ts and room-context.ts:
// they import React, i18n and shared/ only — never a component file nor a feature folder — so a feature may use
// them without the import cycle it had when `useTick` lived in RoomHeader.tsx (which imports every summary).

/**
 * Re-renders every `ms` (one second by default) so that running clocks and timers move between events.
 * Returns the number of ticks so far, for a caller that wants it as a dependency.
 */
export function useTick(ms = 1000): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
  return tick;
}
