// Page object: the day book (grid, blocks, side panel, booking panel, finder) and the Today check-in list.
import type { Locator, Page } from '@playwright/test';

export class DayBookPage {
  constructor(private readonly page: Page) {}

  nav = (name: 'Day book' | 'Today' | 'Patients' | 'Scheduling') => this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
  grid = () => this.page.getByRole('region', { name: /Day book|Week/ });
  column = (doctor: RegExp | string) => this.grid().getByRole('group', { name: doctor });
  /** A block by its accessible label, e.g. /Ada Lovelace/. */
  block = (label: RegExp) => this.grid().getByRole('button', { name: label });
  panel = () => this.page.getByRole('complementary', { name: 'Appointment' });
  booking = () => this.page.getByRole('complementary', { name: 'New appointment' });
  toast = () => this.page.locator('.toast');

  async drag(block: Locator, dx: number, dy: number): Promise<void> {
    const box = await block.boundingBox();
    if (!box) throw new Error('block not visible');
    const x = box.x + box.width / 2;
    const y = box.y + 6;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 4 });
    await this.page.mouse.up();
  }
}
