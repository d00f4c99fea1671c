import { connectReduxDevTools, record } from '@mfe-bus/devtools';
import type {} from '@mfe-bus/devtools/panel';
import { pageBus } from './bus';
import { byTestId } from './dom';

/**
 * The `<mfe-bus-devtools>` panel docked at the side: recording starts now, the panel's code (its own entry
 * point) loads lazily and shows what was recorded. The bus also shows in the Redux DevTools extension when
 * it is installed.
 */
export function startDevtools(): void {
  const panel = byTestId<HTMLElementTagNameMap['mfe-bus-devtools']>('devtools');
  panel.bus = pageBus;
  panel.recorder = record(pageBus);
  connectReduxDevTools(pageBus, { name: 'mfe-bus demo' });
  void import('@mfe-bus/devtools/panel');
}
