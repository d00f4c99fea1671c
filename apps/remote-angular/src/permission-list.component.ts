import { AsyncPipe } from '@angular/common';
import { Component, computed, inject, input } from '@angular/core';
import { MfeBus } from '@mfe-bus/angular';
import { catchError, map, type Observable, of, startWith } from 'rxjs';

type Permissions = { status: 'pending' } | { status: 'success'; data: string[] } | { status: 'error'; error: unknown };

/**
 * Asks the shell's provider (which may register late: the request waits for it). The async pipe
 * unsubscribes when the view goes away or userId changes, which aborts the request in flight.
 */
@Component({
  selector: 'permission-list',
  imports: [AsyncPipe],
  template: `
    @let answer = permissions() | async;
    @switch (answer?.status) {
      @case ('success') { {{ success(answer)?.join(', ') }} }
      @case ('error') { error: {{ failure(answer) }} }
      @default { loading… }
    }
  `,
})
export class PermissionListComponent {
  private readonly bus = inject(MfeBus);
  readonly userId = input.required<string>();

  readonly permissions = computed<Observable<Permissions>>(() =>
    this.bus.request$('user:permissions', { userId: this.userId() }).pipe(
      map((data): Permissions => ({ status: 'success', data: [...data] })),
      catchError((error: unknown) => of<Permissions>({ status: 'error', error })),
      startWith<Permissions>({ status: 'pending' }),
    ),
  );

  success(answer: Permissions | null): string[] | undefined {
    return answer?.status === 'success' ? answer.data : undefined;
  }

  failure(answer: Permissions | null): string {
    return answer?.status === 'error' ? String(answer.error) : '';
  }
}
