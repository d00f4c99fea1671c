export { BridgeError, type BridgeErrorCode, type DropReason } from './bridge-error';
export { bridgeFrame } from './bridge-frame';
export { bridgeParent } from './bridge-parent';
export { bridgePort } from './bridge-port';
export { bridgeTabs } from './bridge-tabs';
export type { Directions, Share, TabShare } from './share';
export type {
  Bridge,
  BridgeStatus,
  FrameBridgeOptions,
  PortBridgeOptions,
  PortLike,
  TabBridge,
  TabsBridgeOptions,
} from './types';
