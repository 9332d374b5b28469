import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  ensureTestNeeds,
  planTestNeeds,
  type Probes,
} from '../../scripts/lib/preflight';

/** A machine described by what it has; `calls` records which probes were asked. */
function machine(has: Partial<Record<keyof Probes, boolean>>) {
  const calls: string[] = [];
  const probe = (name: keyof Probes) => () => {
    calls.push(name);
    return has[name] ?? false;
  };
  const probes: Probes = {
    chromium: probe('chromium'),
    cjkFonts: probe('cjkFonts'),
    aptGet: probe('aptGet'),
    isRoot: probe('isRoot'),
    sudoWithoutPassword: probe('sudoWithoutPassword'),
  };
  return { probes, calls };
}

describe('planTestNeeds', () => {
  it('goes on without asking about apt or sudo when Chromium and the fonts are there', () => {
    const { probes, calls } = machine({ chromium: true, cjkFonts: true });
    expect(planTestNeeds(probes)).toEqual({ kind: 'ready' });
    expect(calls).toEqual(['chromium', 'cjkFonts']);
  });

  it('installs only what is missing: as root without sudo', () => {
    const { probes, calls } = machine({ chromium: true, aptGet: true, isRoot: true });
    expect(planTestNeeds(probes)).toEqual({
      kind: 'install',
      packages: ['fonts-noto-cjk'],
      sudo: false,
    });
    expect(calls).not.toContain('sudoWithoutPassword');
  });

  it('installs with sudo when sudo needs no password', () => {
    const { probes } = machine({ aptGet: true, sudoWithoutPassword: true });
    expect(planTestNeeds(probes)).toEqual({
      kind: 'install',
      packages: ['chromium', 'fonts-noto-cjk'],
      sudo: true,
    });
  });

  it('stops with the apt-get command when it cannot install by itself', () => {
    const { probes } = machine({ cjkFonts: true, aptGet: true });
    const plan = planTestNeeds(probes);
    expect(plan.kind).toBe('stop');
    const message = plan.kind === 'stop' ? plan.message : '';
    expect(message).toContain('sudo apt-get install -y --no-install-recommends chromium');
    expect(message).not.toContain('fonts-noto-cjk');
    expect(message).toContain('npm run test:unit');
    expect(message).not.toContain('\n');
  });

  it('stops without an apt-get command on a machine without apt-get', () => {
    const { probes } = machine({ chromium: true, isRoot: true });
    const plan = planTestNeeds(probes);
    expect(plan.kind).toBe('stop');
    const message = plan.kind === 'stop' ? plan.message : '';
    expect(message).not.toContain('apt-get');
    expect(message).toContain('Noto CJK fonts');
    expect(message).toContain('fonts-noto-cjk');
    // Chromium is there: the line names only what is missing.
    expect(message).not.toContain(CHROMIUM_PATH);
  });
});

describe('ensureTestNeeds', () => {
  /** A machine whose packages appear once apt-get installs them. */
  function installable(opts: { root: boolean; failing?: string }) {
    const installed = new Set<string>();
    const probes: Probes = {
      chromium: () => installed.has('chromium'),
      cjkFonts: () => installed.has('fonts-noto-cjk'),
      aptGet: () => true,
      isRoot: () => opts.root,
      sudoWithoutPassword: () => true,
    };
    const ran: string[][] = [];
    const run = (command: string[]) => {
      ran.push(command);
      if (opts.failing && command.includes(opts.failing)) return 100;
      if (command.includes('install'))
        for (const p of ['chromium', 'fonts-noto-cjk']) if (command.includes(p)) installed.add(p);
      return 0;
    };
    return { probes, run, ran };
  }

  it('runs apt-get update then install, through sudo -n when not root, and goes on', () => {
    const m = installable({ root: false });
    const lines: string[] = [];
    expect(ensureTestNeeds(m.probes, m.run, (l) => lines.push(l))).toBeNull();
    expect(m.ran.map((c) => c.slice(0, 3))).toEqual([
      ['sudo', '-n', 'apt-get'],
      ['sudo', '-n', 'env'],
    ]);
    expect(m.ran[0]).toContain('update');
    expect(m.ran[1]).toEqual(expect.arrayContaining(['install', 'chromium', 'fonts-noto-cjk']));
    expect(lines).toHaveLength(1);
  });

  it('runs apt-get directly as root', () => {
    const m = installable({ root: true });
    expect(ensureTestNeeds(m.probes, m.run)).toBeNull();
    expect(m.ran.every((c) => c[0] !== 'sudo')).toBe(true);
  });

  it('stops with one line naming the failed command when apt-get fails', () => {
    const m = installable({ root: true, failing: 'update' });
    const problem = ensureTestNeeds(m.probes, m.run);
    expect(problem).toMatch(/^apt-get update -qq failed; /);
    expect(problem).not.toContain('\n');
    expect(m.ran).toHaveLength(1);
  });

  it('stops when the install "succeeds" but a package is still missing', () => {
    const m = installable({ root: true });
    const probes = { ...m.probes, cjkFonts: () => false };
    const problem = ensureTestNeeds(probes, m.run);
    expect(problem).toContain('still missing');
    expect(problem).toContain('fonts-noto-cjk');
    expect(problem).not.toContain('chromium fonts');
  });

  it('never runs a command when nothing is missing', () => {
    const ran: string[][] = [];
    const ok: Probes = {
      chromium: () => true,
      cjkFonts: () => true,
      aptGet: () => true,
      isRoot: () => true,
      sudoWithoutPassword: () => true,
    };
    expect(ensureTestNeeds(ok, (c) => (ran.push(c), 0))).toBeNull();
    expect(ran).toEqual([]);
  });
});
