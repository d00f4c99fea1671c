import { Component, DestroyRef, inject, signal } from '@angular/core';
import { MfeBus } from '@mfe-bus/angular';
import type { OwnCounts } from '@mfe-bus-demo/contracts';
import { tracked } from './tracked';

const total = (counts: OwnCounts) => counts.subscribers + counts.watchers + counts.providers;

/** This remote's own registrations next to the page-wide inspect().counts, refreshed twice a second. */
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
    return `${total(tracked.counts())} own · ${total(this.bus.inspect().counts)} on the page`;
  }
}
