/**
 * Runs before `npm test` and `npm run test:e2e`: makes sure Debian's Chromium
 * and the Noto CJK fonts are there (installing them with apt-get as root or
 * with passwordless sudo), or stops at once with one line saying what to run.
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH, ensureTestNeeds, type Probes } from './lib/preflight';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: tsx scripts/preflight.ts
Checks for ${CHROMIUM_PATH} and the Noto CJK fonts (fc-list) that the browser tests need;
installs the missing Debian packages with apt-get when root or sudo -n can, else prints
the command to run and exits 1.`);
  process.exit(0);
}

const succeeds = (command: string, args: string[]): boolean =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

const probes: Probes = {
  chromium() {
    try {
      accessSync(CHROMIUM_PATH, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  cjkFonts: () => /noto sans cjk/i.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? ''),
  aptGet: () => succeeds('sh', ['-c', 'command -v apt-get']),
  isRoot: () => process.getuid?.() === 0,
  sudoWithoutPassword: () => succeeds('sudo', ['-n', 'true']),
};

const problem = ensureTestNeeds(
  probes,
  ([command = '', ...args]) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1,
  (line) => console.log(line),
);
if (problem) {
  console.error(problem);
  process.exit(1);
}
