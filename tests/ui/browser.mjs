// What every browser test script shares: Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
// driven by playwright-core from admin-ui/node_modules (no Playwright browser download), and the
// failure type whose message the Python side prints.

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const adminUi = path.resolve(here, '..', '..', 'admin-ui');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export class CheckFailure extends Error {}
export const fail = (message) => {
  throw new CheckFailure(message);
};

/** Launch headless Chromium, or fail with the command that fixes what is missing. */
export async function launchChromium() {
  const require = createRequire(path.join(adminUi, 'package.json'));
  let chromium;
  try {
    chromium = require('playwright-core').chromium;
  } catch (err) {
    fail(`cannot load playwright-core from ${adminUi}/node_modules (run \`npm ci\` there): ${err.message}`);
  }
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    fail(`cannot launch ${CHROMIUM} (apt-get install -y chromium): ${err.message.split('\n')[0]}`);
  }
}
