import type { Bus, BusApi, Source } from '@mfe-bus/core';

/** The bus as `source` sees it, so what crosses keeps its app (`meta.source`, the writer, the requester). */
export const scopeFor = (bus: Bus, source: Source): BusApi => (source === null ? bus : bus.scope(source));
