import { type ApplicationRef, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideMfeBus } from '@mfe-bus/angular';
import type { RemoteModule } from '@mfe-bus-demo/contracts';
import { AppComponent } from './app.component';

let app: Promise<ApplicationRef> | undefined;

/** Boots a zoneless Angular application (its own root injector) into a host element inside `element`. */
export async function mount(element: HTMLElement): Promise<void> {
  if (app) return;
  const host = document.createElement('remote-angular-root');
  element.replaceChildren(host);
  // The app name, given once: MfeBus and the inject* helpers go through the page-wide bus's "angular"
  // scope, disposed when the application is destroyed.
  app = bootstrapApplication(AppComponent, {
    providers: [provideZonelessChangeDetection(), provideMfeBus({ app: 'angular' })],
  });
  try {
    await app;
  } catch (error) {
    app = undefined;
    throw error;
  }
}

export function unmount(): void {
  const booting = app;
  app = undefined;
  // Destroying the application destroys every component, whose DestroyRefs release the bus registrations.
  void booting?.then((ref) => {
    const host = ref.components[0]?.location.nativeElement as HTMLElement | undefined;
    ref.destroy();
    host?.remove();
  });
}

export default { mount, unmount } satisfies RemoteModule;
