/**
 * HTML validation of every built page with html-validate (recommended rules).
 * Rules switched off here are listed with the reason; everything else is an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { isHtml, listFiles } from '../../../src/lib/site-files';
import type { Problem } from '../../../src/lib/schema/messages';

export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {},
};

export interface HtmlCheckResult {
  problems: Problem[];
  pages: number;
}

export async function checkHtml(
  dist: string,
  files = listFiles(dist).filter(isHtml),
): Promise<HtmlCheckResult> {
  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  const problems: Problem[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(join(dist, file), 'utf8'), file);
    for (const r of report.results) {
      for (const m of r.messages) {
        if (m.severity < 2) continue;
        problems.push({
          file,
          check: 'html',
          message: `${m.line}:${m.column} ${m.ruleId}: ${m.message}`,
        });
      }
    }
  }
  return { problems, pages: files.length };
}
