import { useBus } from '@mfe-bus/react';
import { listenerSummary } from '@mfe-bus-demo/contracts';
import { useCallback, useEffect, useState } from 'react';

/** This remote's own registrations (`inspect().apps`) next to the whole page's, refreshed twice a second. */
export function Listeners() {
  const bus = useBus();
  const read = useCallback(() => listenerSummary(bus.inspect(), 'react'), [bus]);
  const [text, setText] = useState(read);
  useEffect(() => {
    const timer = setInterval(() => setText(read()), 500);
    return () => clearInterval(timer);
  }, [read]);
  return <>{text}</>;
}
