import { defineConfig } from 'vitest/config';

// Three tiers (README "Tests"): `unit` needs nothing but Node and runs files in
// parallel; `build` and `e2e` need the sample site, which the shared global
// setup builds once per run (and e2e needs Chromium). The two heavy tiers run
// their files one at a time in one worker each, after the unit files, so they
// never compete for the machine's cores.
const SAMPLE_SITE = ['tests/helpers/global-setup.ts'];
const ONE_FILE_AT_A_TIME = { forks: { singleFork: true } };

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: SAMPLE_SITE,
          poolOptions: ONE_FILE_AT_A_TIME,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: SAMPLE_SITE,
          poolOptions: ONE_FILE_AT_A_TIME,
        },
      },
    ],
  },
});
