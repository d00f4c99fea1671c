export type { Auth, CartUpdate, RemoteName, RemoteStatus, Theme, User } from './catalogue';
export type { OwnCounts, RemoteModule } from './remote-module';
export { nextTheme, THEMES } from './themes';
export { type TrackedBus, trackBus } from './tracked-bus';
