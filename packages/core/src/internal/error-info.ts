import type { ErrorInfo } from '../records';

/** The JSON-able part of an error for records: name, message and, for bus errors, the code. */
export function errorInfo(error: unknown): ErrorInfo {
  try {
    if (typeof error === 'object' && error !== null) {
      const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
      const info: ErrorInfo = { name: typeof name === 'string' ? name : 'Error', message: String(message ?? '') };
      if (typeof code === 'string') info.code = code;
      return info;
    }
    return { name: 'Error', message: String(error) };
  } catch {
    return { name: 'Error', message: '[Unreadable]' };
  }
}
