// Debian's Chromium (installed by .ci/run), as every browser run here launches it: the browser tests (apps/e2e)
// and the benchmarks' memory figures (benchmarks/src/memory/chromium.js). No browser download needed.

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless on a shared CI machine: no sandbox (containers), no GPU, no background traffic or updates. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
