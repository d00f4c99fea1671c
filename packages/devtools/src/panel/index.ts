import { MfeBusDevtools } from './devtools-element';

export { MfeBusDevtools } from './devtools-element';
export type { ContractInfo, ContractsInfo } from './views/view';

// Importing this entry point defines the element (once, whichever copy gets here first).
if (!customElements.get('mfe-bus-devtools')) customElements.define('mfe-bus-devtools', MfeBusDevtools);

declare global {
  interface HTMLElementTagNameMap {
    'mfe-bus-devtools': MfeBusDevtools;
  }
}
