import type { Locator, Page } from 'playwright-core';

/** The `<mfe-bus-devtools>` panel; locators reach into its open shadow root. */
export const devtoolsPanel = (page: Page): Locator => page.locator('mfe-bus-devtools');

export interface TimelineRow {
  kind: string;
  app: string;
  what: string;
}

/** The timeline's rows as shown, newest first. */
export function timelineRows(page: Page): Promise<TimelineRow[]> {
  return devtoolsPanel(page)
    .locator('.entry')
    .evaluateAll((buttons) =>
      buttons.map((button) => {
        const text = (selector: string) => button.querySelector(selector)?.textContent ?? '';
        return { kind: text('.kind'), app: text('.app'), what: text('.what') };
      }),
    );
}

/** The cells of every row of the tables in the visible view. */
export function viewTableRows(page: Page): Promise<string[][]> {
  return devtoolsPanel(page)
    .locator('[role=tabpanel] tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent ?? '')),
    );
}

export async function showView(page: Page, name: string): Promise<void> {
  await devtoolsPanel(page).getByRole('tab', { name }).click();
  await devtoolsPanel(page).locator(`[role=tab][aria-selected=true]`, { hasText: name }).waitFor();
}
