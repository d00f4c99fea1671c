import { type Bus, type Cleanup, toCleanup } from '@mfe-bus/core';
import { type Connection, openConnection } from './connection';
import { report } from './report';
import { apply, dataAsOperation, operationsOf, parseMessage } from './routing';
import { joinTabs, type TabShare } from './tabs';
import { tokenSource } from './token';
import type { LiveOperation, LiveOptions, LiveStatus, RawMessage } from './types';

/** What the tabs sharing a connection tell each other. */
type TabMessage = { raw: RawMessage } | { status: LiveStatus } | { hello: true };

const CLOSED: LiveStatus = { state: 'closed', attempt: 0, error: null, leader: false };

/**
 * Feeds the bus from one server connection that opens when the first listener of one of `options.topics`
 * appears and closes `idleCloseMs` after the last one left. Its status is the shared state
 * `live:<id>:status`; what it publishes, writes and listens to is the app `live:<id>`'s. Returns what disconnects.
 */
export function connectLive(bus: Bus, options: LiveOptions): Cleanup {
  const { id, topics, route = dataAsOperation, idleCloseMs = 5000, share = 'page' } = options;
  const app = `live:${id}`;
  const source = bus.scope(app);
  const statusKey = `${app}:status`;
  const token = tokenSource(source, options.auth);
  let lastEventId: string | undefined;
  let connection: Connection | undefined;
  let tabs: TabShare<TabMessage> | undefined;
  let stopLeading: (() => void) | undefined;
  let listeners = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (status: LiveStatus) => {
    if (!bus.destroyed) source.setState(statusKey, status);
  };

  function deliver(raw: RawMessage): void {
    let operations: LiveOperation[];
    try {
      const message = parseMessage(raw);
      lastEventId = message.id ?? lastEventId;
      operations = operationsOf(message, route);
    } catch (error) {
      // Skipped, and not asked for again after a reconnection.
      lastEventId = raw.id ?? lastEventId;
      report(bus, error, { report: 'malformed-message', name: app, source: app, detail: raw.data });
      return;
    }
    apply(source, operations);
  }

  function lead(): () => void {
    connection = openConnection(options, token, {
      message(raw) {
        deliver(raw);
        tabs?.post({ raw });
      },
      status(status) {
        setStatus({ ...status, leader: true });
        tabs?.post({ status: { ...status, leader: false } });
      },
      lastEventId: () => lastEventId,
    });
    return () => {
      connection?.close();
      connection = undefined;
    };
  }

  function receive(message: TabMessage): void {
    if ('raw' in message) deliver(message.raw);
    else if ('status' in message) {
      // A former leader's status still on its way is not this leader's.
      if (!connection) setStatus(message.status);
    } else if (connection) tabs?.post({ status: { ...(source.getState(statusKey) as LiveStatus), leader: false } });
  }

  function start(): void {
    tabs = share === 'tabs' ? joinTabs(`mfe-bus-live:${id}`, lead, receive) : undefined;
    if (!tabs) {
      stopLeading = lead();
      return;
    }
    setStatus({ ...CLOSED, state: 'connecting' });
    tabs.post({ hello: true });
  }

  function stop(): void {
    if (tabs) tabs.release();
    else stopLeading?.();
    tabs = stopLeading = undefined;
    setStatus(CLOSED);
  }

  const demanded = () => {
    clearTimeout(idle);
    if (listeners++ === 0 && !tabs && !stopLeading) start();
    return () => {
      if (--listeners === 0) idle = setTimeout(stop, idleCloseMs);
    };
  };

  setStatus(CLOSED);
  const undemand = topics.map((topic) => bus.onDemand(topic, demanded));
  const unwatch = token?.watch(() => connection?.restart());
  return toCleanup(() => {
    for (const off of undemand) off();
    unwatch?.();
    clearTimeout(idle);
    if (tabs || stopLeading) stop();
  });
}
