/// <reference lib="dom" />
// Chromium for the browser tests: the same launch as the offline PDF printing (local/chromium.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type Chromium } from '../../local/chromium';
import { ROOT } from '../helpers/build';

export const ARTIFACTS = join(ROOT, 'test-artifacts');

export type Browser = Chromium;

export const launch = launchChromium;

/** Saves a full-page screenshot as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (or frame) and returns its serious and critical violations. */
export async function seriousAxeViolations(page: Pick<Page, 'addScriptTag' | 'evaluate'>): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
