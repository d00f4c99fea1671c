import type { Source } from '@mfe-bus/core';

/** How messages name the app that made a call: `app "cart"`, or `no app` for calls made on the bus itself. */
export const appLabel = (source: Source): string => (source === null ? 'no app' : `app "${source}"`);
