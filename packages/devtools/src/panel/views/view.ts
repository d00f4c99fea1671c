import type { BusSnapshot } from '@mfe-bus/core';
import type { TimelineEntry } from '../../recorder/entries';

/** One contract as `contractsManifest()` of @mfe-bus/contracts describes it. */
export interface ContractInfo {
  owner?: string | string[];
  version?: string;
  deprecated?: string;
  sensitive?: boolean;
}

/** The contracts the Contracts view lists: the manifest of @mfe-bus/contracts fits as it is. */
export interface ContractsInfo {
  events?: Record<string, ContractInfo>;
  state?: Record<string, ContractInfo>;
  requests?: Record<string, ContractInfo>;
}

/** What every view renders from. */
export interface PanelData {
  entries: TimelineEntry[];
  snapshot: BusSnapshot;
  contracts: ContractsInfo | undefined;
}

/** A tab's content: built once, updated while it is the visible tab. */
export interface View {
  readonly element: HTMLElement;
  update(data: PanelData): void;
}
