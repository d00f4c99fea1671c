export { type Announcement, adminLine, type UserBanned } from './admin';
export type { Auth, CartUpdate, RemoteName, RemoteStatus, Theme, User } from './catalogue';
export { contracts } from './demo-contracts';
export { listenerSummary, type OwnCounts, ownCounts } from './own-counts';
export type { RemoteModule } from './remote-module';
export { nextTheme, THEMES } from './themes';
