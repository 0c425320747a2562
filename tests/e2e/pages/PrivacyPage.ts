// Page object: the privacy screen's switch in the top bar, and its key.
import type { Page } from '@playwright/test';

export class PrivacyPage {
  constructor(private readonly page: Page) {}

  toggle = () => this.page.getByRole('banner').getByRole('button', { name: /^Privacy (on|off)$/ });
  /** Ctrl/Cmd+Shift+H: what a receptionist presses when someone walks up to the desk. */
  press = () => this.page.keyboard.press('Control+Shift+H');
}
