import { Component, inject, signal, VERSION } from '@angular/core';
import { injectBusState, injectProvide, injectSubscribe, MfeBus } from '@mfe-bus/angular';
import { adminLine, nextTheme } from '@mfe-bus-demo/contracts';
import { ListenerCountComponent } from './listener-count.component';
import { PermissionListComponent } from './permission-list.component';

const ITEMS = ['Flat white', 'Cannoli', 'Muffin'];

@Component({
  selector: 'remote-angular-root',
  imports: [ListenerCountComponent, PermissionListComponent],
  template: `
    <div class="remote-card">
      <h3>Angular remote</h3>
      <dl>
        <dt>User</dt>
        <dd data-testid="angular-user">{{ user()?.name ?? 'signed out' }}</dd>
        <dt>Token</dt>
        <dd data-testid="angular-token">{{ auth()?.token ?? 'none' }}</dd>
        <dt>Refreshes seen</dt>
        <dd data-testid="angular-refreshes">{{ refreshes() }}</dd>
        <dt>Theme</dt>
        <dd data-testid="angular-theme">{{ theme() ?? 'none' }}</dd>
        <dt>Permissions</dt>
        <dd data-testid="angular-permissions">
          @if (user(); as signedIn) {
            <permission-list [userId]="signedIn.id" />
          } @else {
            signed out
          }
        </dd>
        <dt>Added to cart</dt>
        <dd data-testid="angular-cart-adds">{{ added() }}</dd>
        <dt>From the server</dt>
        <dd data-testid="angular-news">{{ news() }}</dd>
        <dt>Bus listeners</dt>
        <dd data-testid="angular-listeners"><listener-count /></dd>
      </dl>
      <div class="actions">
        <button type="button" data-testid="angular-add-to-cart" (click)="addToCart()">Add to cart</button>
        <button type="button" data-testid="angular-next-theme" (click)="changeTheme()">Next theme</button>
      </div>
    </div>
  `,
})
export class AppComponent {
  private readonly bus = inject(MfeBus);
  readonly user = injectBusState('user');
  readonly auth = injectBusState('auth');
  readonly theme = injectBusState('theme');
  readonly refreshes = signal(0);
  readonly added = signal(0);
  readonly news = signal('none');

  constructor() {
    // Replayed on a late mount: a remote that loads after a refresh still counts it.
    injectSubscribe('auth:token-refreshed', () => this.refreshes.update((count) => count + 1));
    // The first subscriber of admin:* opens the shell's live connection (connectLive).
    injectSubscribe('admin:*', (payload, meta) => this.news.set(adminLine(meta.topic, payload)));
    injectProvide('remote:angular:status', () => ({
      remote: 'angular' as const,
      framework: `Angular ${VERSION.full}`,
    }));
  }

  addToCart(): void {
    this.bus.publish('cart:updated', { remote: 'angular', item: ITEMS[this.added() % ITEMS.length] ?? 'Item' });
    this.added.update((count) => count + 1);
  }

  changeTheme(): void {
    this.theme.set(nextTheme(this.theme()));
  }
}
