import { installContracts } from '@mfe-bus/contracts';
import { contracts } from '@mfe-bus-demo/contracts';
import { pageBus } from './bus';

/**
 * Checks every call on the page-wide bus against the demo's contracts, whichever remote's copy of the core
 * makes it. Reject mode: a call that breaks a contract throws in the app that made it (the React remote's
 * "Send a bad payload" button shows one) and reaches nobody; the bus's `onError` logs it too.
 */
export function installDemoContracts(): void {
  installContracts(pageBus, contracts, { mode: 'reject', app: 'shell' });
}
