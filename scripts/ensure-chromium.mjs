// The end-to-end tests drive Debian's Chromium through playwright-core (browser downloads are not
// possible on these machines). Installs it when missing and we may (root with apt-get); otherwise explains.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(
      `[mfe-bus] Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y --no-install-recommends chromium) ` +
        'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
    process.exit(1);
  }
  console.log('[mfe-bus] installing Debian chromium for the end-to-end tests');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit' });
}
