import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { disabledFeaturesSwitch } from './support/browser';
import { REMOTES } from './support/remotes';
import { startDemoServer } from './support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    demoUrl: string;
    /** `--disable-features=…` for launchBrowser (see support/browser.ts). */
    disabledFeatures: string;
  }
}

const built = (app: string, file: string) =>
  existsSync(fileURLToPath(new URL(`../../${app}/dist/${file}`, import.meta.url)));

/** Serves the built apps for the whole run. turbo builds them first (`test` dependsOn `^build`). */
export default async function setup(project: TestProject) {
  const missing = [
    ...(built('shell', 'index.html') ? [] : ['shell']),
    ...REMOTES.filter((name) => !built(`remote-${name}`, 'remote.js')).map((name) => `remote-${name}`),
  ];
  if (missing.length > 0) {
    throw new Error(`not built: ${missing.join(', ')}. Run \`pnpm turbo run build --filter @mfe-bus-demo/e2e...\``);
  }
  // No timed live pushes: what the scenarios see does not depend on how long they take.
  const server = await startDemoServer({ LIVE_INTERVAL_MS: '0' });
  project.provide('demoUrl', server.url);
  project.provide('disabledFeatures', await disabledFeaturesSwitch());
  return async () => {
    await server.stop();
  };
}
