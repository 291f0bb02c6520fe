// Picks a day (or a month: 'YYYY-MM') in a DayField (src/h5/components/DayField.vue) the way a
// person does: open the bottom sheet, tap the year, month and day, confirm.
import type { Locator, Page } from 'playwright-core';

export async function pickDay(page: Page, field: Locator, value: string): Promise<void> {
  await field.click();
  const sheet = page.locator('.van-popup--bottom:visible');
  await sheet.locator('.van-picker-column').first().waitFor();
  const parts = value.split('-');
  const units = ['年', '月', '日'];
  for (const [column, part] of parts.entries()) {
    await sheet.locator('.van-picker-column').nth(column).locator('.van-picker-column__item', { hasText: new RegExp(`^${part}${units[column]}$`) }).click();
  }
  await sheet.locator('.van-picker__confirm').click();
  await sheet.waitFor({ state: 'hidden' });
}
