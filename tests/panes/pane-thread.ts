/**
 * For `npm run bench`, as a program of its own (bench code never imports test code): the task pane's
 * main thread during a 5,000-line build in Chromium, under the real Office.js and the Excel
 * stand-in, as the browser test measures it. Prints JSON: the longest task's CPU time (from
 * Chromium's trace, independent of the machine's load), the longest wall time PerformanceObserver
 * reported, and the load per core while it ran.
 */
import { asColumnA, estimateText } from './estimates';
import { launch } from './browser';
import { officeScripts, openTaskPane } from './excel-pane';
import { loadPerCore, traceMainThread } from './main-thread';

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 5000);
  const browser = await launch();
  try {
    const { page, errors } = await openTaskPane(browser, await officeScripts(), { sheets: { Ours: asColumnA(estimateText(lines, false)), Theirs: asColumnA(estimateText(lines, true)) }, width: 450 });
    await page.selectOption('#ours-sheet', 'Ours');
    await page.selectOption('#theirs-sheet', 'Theirs');
    await page.locator('#step-3').evaluate((el) => ((el as HTMLElement & { expanded: boolean }).expanded = true));
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    const load = [loadPerCore()];
    const started = Date.now();
    const tasks = await traceMainThread(browser, page, async () => {
      await page.click('#build');
      await page.waitForFunction(() => /^Workbook built|refused|could not/i.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 120000 });
    });
    const ms = Date.now() - started;
    load.push(loadPerCore());
    const wall: number[] = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const status = await page.textContent('#status');
    process.stdout.write(
      JSON.stringify({ lines, ms, status, tasks: tasks.length, longestCpuMs: Math.max(...tasks.map((t) => t.cpuMs)), longestWallMs: Math.max(0, ...wall), longTasks: wall.length, loadPerCore: Math.max(...load), errors }),
    );
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
