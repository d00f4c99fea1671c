import { Component, DestroyRef, inject, signal } from '@angular/core';
import { MfeBus } from '@mfe-bus/angular';
import { listenerSummary } from '@mfe-bus-demo/contracts';

/** This remote's own registrations (`inspect().apps`) next to the whole page's, refreshed twice a second. */
@Component({
  selector: 'listener-count',
  template: `{{ text() }}`,
})
export class ListenerCountComponent {
  private readonly bus = inject(MfeBus);
  readonly text = signal(this.read());

  constructor() {
    const timer = setInterval(() => this.text.set(this.read()), 500);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  private read(): string {
    return listenerSummary(this.bus.inspect(), 'angular');
  }
}
