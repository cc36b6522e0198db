import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (ages such as "3 小时前" stay true while a list is open). */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
