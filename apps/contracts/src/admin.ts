/** What the shell's live connection publishes from the demo server (apps/shell/src/live.ts). */
export interface Announcement {
  text: string;
}
export interface UserBanned {
  userId: string;
  name: string;
}

/** The line a remote shows for the last `admin:*` event it received. */
export function adminLine(topic: string, payload: unknown): string {
  if (topic === 'admin:announcement') return (payload as Announcement).text;
  if (topic === 'admin:user-banned') return `banned: ${(payload as UserBanned).name}`;
  return topic;
}
