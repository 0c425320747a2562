// Clinic settings → Backups: the administrator sees where the daily copies are and takes today's by keyboard.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/DeskPage';

test('an administrator takes today’s copy from Clinic settings and sees it listed', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn({ sampleData: true });
  await new DeskPage(page).open('Clinic settings');
  const backups = page.getByRole('region', { name: 'Backups' });
  const folder = join(anteroom.dataDir, 'backups');
  await expect(backups).toContainText(folder);
  await expect(backups).toContainText('No daily copy yet');

  const backUp = backups.getByRole('button', { name: 'Back up now' });
  await backUp.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Today’s copy of the clinic’s data is saved.');
  const copies = backups.getByRole('list', { name: 'Daily copies' }).getByRole('listitem');
  await expect(copies).toHaveCount(1);
  await expect(copies.first()).toContainText(/^Today, /);
  await expect(copies.first()).toContainText('MB');
  const listed = await anteroom.call('backups.list', {});
  expect(listed.copies).toHaveLength(1);
  expect(existsSync(join(folder, `anteroom-daily-${listed.copies[0]!.day}.db`))).toBe(true);
  await anteroom.screenshot('clinic-settings-backups');

  // Again the same day: nothing new is written, and the desk is told so.
  await backUp.click();
  await expect(page.getByRole('status')).toContainText('already there');
  await expect(copies).toHaveCount(1);
});
