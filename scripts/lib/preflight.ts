/**
 * What the browser tests need from the machine, and how `npm test` gets it:
 * Debian's Chromium at /usr/bin/chromium (playwright-core drives it; no
 * browser is ever downloaded) and the Noto CJK fonts (Chinese pages render
 * and measure as readers see them). The probes and the commands are injected,
 * so the decisions are unit-tested without touching apt.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface Probes {
  /** /usr/bin/chromium exists and is executable. */
  chromium(): boolean;
  /** fontconfig lists a Noto Sans CJK face. */
  cjkFonts(): boolean;
  /** apt-get is on the PATH (a Debian or Ubuntu machine). */
  aptGet(): boolean;
  isRoot(): boolean;
  /** `sudo -n true` succeeds: sudo without a password prompt. */
  sudoWithoutPassword(): boolean;
}

export type Plan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[]; sudo: boolean }
  | { kind: 'stop'; message: string };

/** The Debian packages that are missing, in install order. */
export function missingPackages(p: Pick<Probes, 'chromium' | 'cjkFonts'>): string[] {
  return [...(p.chromium() ? [] : ['chromium']), ...(p.cjkFonts() ? [] : ['fonts-noto-cjk'])];
}

const NEEDS: Record<string, string> = {
  chromium: `Chromium at ${CHROMIUM_PATH}`,
  'fonts-noto-cjk': 'the Noto CJK fonts',
};

/** The one line printed when the tests cannot get what they need by themselves. */
export function stopMessage(packages: string[], apt: boolean): string {
  const what = `npm test needs ${packages.map((p) => NEEDS[p] ?? p).join(' and ')} for its browser tests`;
  const fix = apt
    ? `run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`
    : `install them (Debian packages: ${packages.join(' ')}) with your system's package manager`;
  return `${what}; ${fix} — or npm run test:unit, which needs neither.`;
}

/** Decides, from the probes alone, whether to go on, install, or stop. */
export function planTestNeeds(p: Probes): Plan {
  const packages = missingPackages(p);
  if (!packages.length) return { kind: 'ready' };
  if (!p.aptGet()) return { kind: 'stop', message: stopMessage(packages, false) };
  if (p.isRoot()) return { kind: 'install', packages, sudo: false };
  if (p.sudoWithoutPassword()) return { kind: 'install', packages, sudo: true };
  return { kind: 'stop', message: stopMessage(packages, true) };
}

/** The commands an install plan runs, as `.ci/run` always did. */
export function installCommands(packages: string[], sudo: boolean): string[][] {
  const prefix = sudo ? ['sudo', '-n'] : [];
  return [
    [...prefix, 'apt-get', 'update', '-qq'],
    [
      ...prefix,
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      'apt-get',
      'install',
      '-y',
      '-qq',
      '--no-install-recommends',
      ...packages,
    ],
  ];
}

/**
 * Makes sure of the browser tests' needs: returns null when the machine has
 * them (installing first when it can), or the one line to print before
 * stopping. `run` executes a command and returns its exit status.
 */
export function ensureTestNeeds(
  p: Probes,
  run: (command: string[]) => number,
  log: (line: string) => void = () => {},
): string | null {
  const plan = planTestNeeds(p);
  if (plan.kind === 'ready') return null;
  if (plan.kind === 'stop') return plan.message;
  log(`Installing ${plan.packages.join(' ')} from Debian for the browser tests…`);
  for (const command of installCommands(plan.packages, plan.sudo)) {
    if (run(command) !== 0)
      return `${command.join(' ')} failed; ${stopMessage(plan.packages, true)}`;
  }
  const still = missingPackages(p);
  return still.length ? `still missing after apt-get install: ${stopMessage(still, true)}` : null;
}
