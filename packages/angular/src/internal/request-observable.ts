import type { NgZone } from '@angular/core';
import { Observable } from 'rxjs';

/** A one-value observable over a promise; unsubscribing before it settles aborts the signal it was given. */
export function requestObservable<T>(zone: NgZone, start: (signal: AbortSignal) => Promise<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const controller = new AbortController();
    let settled = false;
    start(controller.signal).then(
      (value) => {
        settled = true;
        zone.run(() => {
          subscriber.next(value);
          subscriber.complete();
        });
      },
      (error: unknown) => {
        settled = true;
        zone.run(() => subscriber.error(error));
      },
    );
    return () => {
      if (!settled) controller.abort();
    };
  });
}
