/** What every site check reports: the page, what kind of problem, and details. */
export interface SiteProblem {
  /** The site path of the file with the problem, e.g. `/articles/x/index.html`. */
  page: string;
  check: 'links' | 'html' | 'budget';
  message: string;
}

export function formatSiteProblem(p: SiteProblem): string {
  return `${p.page}: [${p.check}] ${p.message}`;
}
