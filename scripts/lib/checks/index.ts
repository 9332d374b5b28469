/** Checks over a built site, shared by `npm run check:site`, the tests and the snapshot. */
export {
  checkLinks,
  scanHtml,
  scanXml,
  srcsetUrls,
  type LinkCheckOptions,
  type LinkCheckResult,
} from './links';
export { checkHtml, HTML_VALIDATE_CONFIG, type HtmlCheckResult } from './html';
export {
  checkBudgets,
  heaviest,
  pageAssets,
  DEFAULT_BUDGETS,
  type Budgets,
  type BudgetResult,
  type PageWeight,
} from './budgets';
export { listFiles, pageUrl, resolveUrlPath, isHtml } from '../../../src/lib/site-files';
