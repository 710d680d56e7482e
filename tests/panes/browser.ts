/**
 * Shared by the pane browser tests: Debian's Chromium (never a downloaded browser) driven by
 * playwright-core, an axe-core scan that fails on serious or critical violations, and screenshots
 * under docs/screenshots for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.join(__dirname, '../..');
export const SHOTS = path.join(ROOT, 'docs/screenshots');

export function chromiumPath(): string {
  let found = '';
  try {
    found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    found = '';
  }
  if (!found) throw new Error("Chromium is missing: install Debian's chromium (apt-get install chromium). These tests never download a browser.");
  return found;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** axe-core over the page as it is now; only serious and critical violations are returned. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // What the user sees in the pane's viewport (the sticky outcome included), not the whole page.
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
