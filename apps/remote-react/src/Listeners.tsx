import { useBus } from '@mfe-bus/react';
import type { OwnCounts } from '@mfe-bus-demo/contracts';
import { useCallback, useEffect, useState } from 'react';

const total = (counts: OwnCounts) => counts.subscribers + counts.watchers + counts.providers;

/** This remote's own registrations next to the page-wide `inspect().counts`, refreshed twice a second. */
export function Listeners({ counts }: { counts: () => OwnCounts }) {
  const bus = useBus();
  const read = useCallback(() => `${total(counts())} own · ${total(bus.inspect().counts)} on the page`, [bus, counts]);
  const [text, setText] = useState(read);
  useEffect(() => {
    const timer = setInterval(() => setText(read()), 500);
    return () => clearInterval(timer);
  }, [read]);
  return <>{text}</>;
}
