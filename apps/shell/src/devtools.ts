import { contractsManifest } from '@mfe-bus/contracts';
import { connectReduxDevTools, record } from '@mfe-bus/devtools';
import type {} from '@mfe-bus/devtools/panel';
import { contracts } from '@mfe-bus-demo/contracts';
import { pageBus } from './bus';
import { byTestId } from './dom';

/**
 * The `<mfe-bus-devtools>` panel docked at the side: recording starts now, the panel's code (its own entry
 * point) loads lazily and shows what was recorded, and the Contracts view lists the demo's contracts. The bus
 * also shows in the Redux DevTools extension when it is installed.
 */
export function startDevtools(): void {
  const panel = byTestId<HTMLElementTagNameMap['mfe-bus-devtools']>('devtools');
  panel.bus = pageBus;
  panel.recorder = record(pageBus);
  panel.contracts = contractsManifest(contracts);
  connectReduxDevTools(pageBus, { name: 'mfe-bus demo' });
  void import('@mfe-bus/devtools/panel');
}
