import type { Page } from 'playwright-core';

/**
 * What must not happen on a page under test: a CSP violation (as Chromium logs
 * it, and as the securitypolicyviolation event reports it), an uncaught error,
 * a dialog (an injected alert()). Returns the list, filled as they happen.
 */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.log(`Refused (securitypolicyviolation) ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return problems;
}
