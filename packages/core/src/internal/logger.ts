const PREFIX = '[mfe-bus]';

/** Debug logging that costs one boolean check when off. */
export interface Logger {
  enabled: boolean;
  log(area: 'publish' | 'state' | 'request' | 'provider', message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export function createLogger(enabled: boolean): Logger {
  return {
    enabled,
    log(area, message, details) {
      if (this.enabled) console.debug(`${PREFIX} ${area}: ${message}`, details ?? '');
    },
    warn(message, details) {
      if (this.enabled) console.warn(`${PREFIX} ${message}`, details ?? '');
    },
  };
}
