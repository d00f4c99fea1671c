/** What crosses in one direction: `out`, what this side gives; `in`, what it accepts. */
export interface Directions {
  out?: readonly string[];
  in?: readonly string[];
}

/**
 * What a frame, parent or port bridge lets cross, per kind and direction: event topics or patterns
 * (`cart:*`), state keys, request keys. Nothing crosses unless listed.
 */
export interface Share {
  events?: Directions;
  state?: Directions;
  /** `out`: this side's providers serve the other side; `in`: this side may request what the other offers. */
  requests?: Directions;
}

/** What a tab bridge shares: tabs are peers, so one list each, both ways. Requests do not cross tabs. */
export interface TabShare {
  events?: readonly string[];
  state?: readonly string[];
}

/** The lists a bridge works with. */
export interface Lanes {
  eventsOut: readonly string[];
  eventsIn: readonly string[];
  stateOut: readonly string[];
  stateIn: readonly string[];
  requestsOut: readonly string[];
  requestsIn: readonly string[];
}

export const lanesOf = ({ events, state, requests }: Share): Lanes => ({
  eventsOut: events?.out ?? [],
  eventsIn: events?.in ?? [],
  stateOut: state?.out ?? [],
  stateIn: state?.in ?? [],
  requestsOut: requests?.out ?? [],
  requestsIn: requests?.in ?? [],
});

export const tabLanesOf = ({ events = [], state = [] }: TabShare): Lanes =>
  lanesOf({ events: { out: events, in: events }, state: { out: state, in: state } });

/** True when `topic` is in `patterns`: itself, `*`, or `domain:*` for a topic under `domain:`. */
export const covers = (patterns: readonly string[], topic: string) =>
  patterns.some(
    (pattern) =>
      pattern === topic || pattern === '*' || (pattern.endsWith(':*') && topic.startsWith(pattern.slice(0, -1))),
  );
