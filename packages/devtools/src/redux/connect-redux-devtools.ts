import { type Bus, type Cleanup, toCleanup } from '@mfe-bus/core';
import { observeOf } from '../internal/observe-of';
import { actionOf } from './action-of';
import { extensionOnPage, type ReduxDevToolsMessage } from './extension';
import { isSummary, summarise } from './summarise';

export interface ReduxDevToolsOptions {
  /** The instance name shown in the extension. Default `'mfe-bus'`. */
  name?: string;
  /**
   * Let the monitor jump to an earlier state, written back with `setState` (summarised values are left
   * alone). Default `false`: a jump notifies every app watching the keys it changes.
   */
  timeTravel?: boolean;
}

/** The app the monitor's publishes and time-travel writes come from. */
const MONITOR_APP = 'redux-devtools';

/**
 * Shows the bus in the Redux DevTools extension: the state tree is every state key, each publish, state
 * change, provider change, request step and report is an action named after its app. An action dispatched
 * from the monitor (`{ "type": "cart:updated", "payload": {…} }`) is published on the bus (through the bus's
 * plugins, so contracts still check it). A no-op when the extension is absent.
 */
export function connectReduxDevTools(
  bus: Bus,
  { name = 'mfe-bus', timeTravel = false }: ReduxDevToolsOptions = {},
): Cleanup {
  const extension = extensionOnPage();
  if (!extension) return toCleanup(() => {});
  const observe = observeOf(bus);
  const monitor = bus.scope(MONITOR_APP);
  const connection = extension.connect({
    name,
    // Features left out (skip, reorder, …) are off.
    features: { pause: true, export: true, dispatch: true, jump: timeTravel },
  });

  let tree: Record<string, unknown> = {};
  for (const { key, value } of bus.inspect().state) tree[key] = summarise(value);
  connection.init(tree);

  let paused = false;
  let jumping = false;
  const stopObserving = observe((record) => {
    if (record.type === 'state') tree = { ...tree, [record.key]: summarise(record.next) };
    const action = paused || jumping ? undefined : actionOf(record);
    if (action) connection.send(action, tree);
  });

  const jumpTo = (state: Record<string, unknown>) => {
    jumping = true;
    try {
      for (const [key, value] of Object.entries(state)) {
        if (!isSummary(value) && JSON.stringify(value) !== JSON.stringify(tree[key])) monitor.setState(key, value);
      }
    } finally {
      jumping = false;
    }
  };

  const onMessage = (message: ReduxDevToolsMessage) => {
    try {
      if (message.type === 'ACTION') {
        const action: { type?: unknown; payload?: unknown } =
          typeof message.payload === 'string' ? JSON.parse(message.payload) : message.payload;
        if (typeof action?.type !== 'string') throw new TypeError('dispatch { "type": "<topic>", "payload": … }');
        monitor.publish(action.type, action.payload);
        return;
      }
      const command = (message.payload as { type?: string; status?: boolean } | undefined) ?? {};
      if (command.type === 'PAUSE_RECORDING') paused = command.status === true;
      if (command.type === 'COMMIT') connection.init(tree);
      if (timeTravel && message.state && (command.type === 'JUMP_TO_STATE' || command.type === 'JUMP_TO_ACTION')) {
        jumpTo(JSON.parse(message.state));
      }
    } catch (error) {
      // A refused publish (a contract) or text that is not JSON: tell the person at the monitor.
      console.warn('[mfe-bus devtools] monitor message not applied:', error);
    }
  };
  const unsubscribe = connection.subscribe(onMessage);

  return toCleanup(() => {
    stopObserving();
    unsubscribe?.();
  });
}
