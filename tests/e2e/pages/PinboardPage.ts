// Page object: the pinboard tray beside the day book, and placing things on the grid by pointer.
import type { Locator, Page } from '@playwright/test';

export class PinboardPage {
  constructor(private readonly page: Page) {}

  tray = () => this.page.getByRole('region', { name: /^Pinboard/ });
  card = (patient: string) => this.tray().getByRole('button', { name: new RegExp(`^${patient}, `) });

  /** The y of a wall-clock minute inside a day-book column (the grid's body says where its day starts and its scale). */
  async pointAt(column: Locator, minute: number): Promise<{ x: number; y: number }> {
    const box = await column.boundingBox();
    if (!box) throw new Error('column not visible');
    const { ppm, dayStart } = await this.page.locator('.cal-body').evaluate((el: HTMLElement) => ({ ppm: Number(el.dataset.ppm), dayStart: Number(el.dataset.dayStart) }));
    return { x: box.x + box.width / 2, y: box.y + (minute - dayStart) * ppm + 2 };
  }

  async dragCardTo(card: Locator, column: Locator, minute: number): Promise<void> {
    const from = await card.boundingBox();
    if (!from) throw new Error('card not visible');
    const to = await this.pointAt(column, minute);
    await this.page.mouse.move(from.x + 20, from.y + 10);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
  }

  async clickAt(column: Locator, minute: number): Promise<void> {
    const to = await this.pointAt(column, minute);
    await this.page.mouse.move(to.x, to.y);
    await this.page.mouse.click(to.x, to.y);
  }
}
