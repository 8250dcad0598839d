import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import webExt from 'web-ext';
import { ROOT, requireBuild } from './harness/paths';

// Mozilla's addons-linter (the one addons.mozilla.org runs), through web-ext, on the Firefox build.
// It needs the build, not a browser, so it lives with the end-to-end suites that need builds.

interface LintMessage {
  code: string;
  message: string;
  description: string;
  file?: string;
  line?: number;
}
interface LintResult {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const describeMessages = (messages: LintMessage[]) =>
  messages.map((m) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}\n    ${m.message}: ${m.description}`).join('\n');

describe('Firefox', () => {
  test('addons-linter finds no errors in the Firefox build', async () => {
    const sourceDir = requireBuild(join(ROOT, '.output', 'firefox-mv3'), 'npm run build');
    const result = (await webExt.cmd.lint(
      // selfHosted: not (yet) listed on AMO, so no "unlisted id" noise; output 'none': we print.
      { sourceDir, output: 'none', selfHosted: true },
      { shouldExitProgram: false },
    )) as LintResult;

    console.log(
      `addons-linter: ${result.summary.errors} errors, ${result.summary.warnings} warnings, ${result.summary.notices} notices` +
        (result.warnings.length ? `\n${describeMessages(result.warnings)}` : ''),
    );
    expect(result.summary.errors, `addons-linter errors:\n${describeMessages(result.errors)}`).toBe(0);
  });
});
