import { useRequest } from '@mfe-bus/react';

/** Asks the shell's provider (which may register late: the request waits for it). */
export function Permissions({ userId }: { userId: string }) {
  const permissions = useRequest('user:permissions', { userId });
  if (permissions.status === 'pending') return <>loading…</>;
  if (permissions.status === 'error') return <>error: {String(permissions.error)}</>;
  return <>{permissions.data.join(', ')}</>;
}
