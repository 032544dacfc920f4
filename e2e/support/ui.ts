// Ant Design helpers for journeys that must pass on a busy 2-core CI machine. antd opens dropdowns, selects and
// modals with CSS animations; a click that lands mid-animation can miss its target (seen: a role option "clicked"
// but not selected). So: wait for finite animations to finish before clicking into an overlay, pick select options
// with the keyboard, and check the outcome of every step instead of assuming it.
import type { Locator, Page } from 'playwright-core';

/** The part of the DOM's Animation that settle() reads. */
interface PageAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}

/** Resolves when no finite CSS animation or transition is running (spinners, which loop forever, are ignored). */
export async function settle(page: Page, timeout = 10_000): Promise<void> {
  // Runs in the page (a function, not a string: the app's CSP forbids eval). The root tsconfig has no DOM types.
  await page.waitForFunction(
    () => {
      const doc = (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document;
      return doc.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY);
    },
    undefined,
    { timeout, polling: 100 },
  );
}

/** Clicks an element inside an animated overlay (dropdown menu item, popconfirm button) once the overlay is still. */
export async function clickSettled(page: Page, target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible' });
  await settle(page);
  await target.click();
}

/**
 * Chooses an option of an antd <Select showSearch> by typing `search`, waiting for the option showing `label` (a
 * remote search answers after its debounce; Enter before that picks whatever is listed, or nothing) and clicking it
 * once the dropdown is still, then checks that the select shows `label`.
 */
export async function chooseOption(page: Page, select: Locator, search: string, label: string): Promise<void> {
  await select.click();
  await page.keyboard.type(search);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: label })
    .first();
  await clickSettled(page, option);
  // The chosen label is shown inside the select (its options live in a portal elsewhere in the page).
  const deadline = Date.now() + 10_000;
  while (!((await select.textContent()) ?? '').includes(label)) {
    if (Date.now() > deadline) throw new Error(`select did not take the option ${label} (shows: ${await select.textContent()})`);
    await page.waitForTimeout(100);
  }
}
