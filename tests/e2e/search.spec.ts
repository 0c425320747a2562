// Front-desk search journeys: Ctrl+K palette by phone ending and misspelled name (keyboard only), FTS
// characters typed literally, ranked dashboard results, the duplicate warning, CSV import and merge.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { PatientDetailPage } from './pages/PatientDetailPage';
import { PatientFormPage } from './pages/PatientFormPage';
import { PatientsPage } from './pages/PatientsPage';
import { DuplicateWarningPage, SearchPalettePage } from './pages/SearchPalettePage';
import type { AnteroomFixture } from './fixtures';

const PEOPLE = [
  { firstName: 'Margarethe', lastName: 'Lindqvist', dateOfBirth: '1961-04-18', sex: 'female', phone: '07911 200481', email: 'm.lindqvist@example.com' },
  { firstName: 'José', lastName: 'Fernández', dateOfBirth: '1979-11-02', sex: 'male', phone: '07911 200112', email: null },
  { firstName: 'María', lastName: 'García López', dateOfBirth: '1984-03-12', sex: 'female', phone: '07911 200733', email: 'maria.garcia@example.com' },
  { firstName: 'Mark', lastName: 'Okonkwo', dateOfBirth: '1990-05-05', sex: 'male', phone: '+44 7911 200205', email: null },
] as const;

async function registerPeople(page: Page, anteroom: AnteroomFixture): Promise<number[]> {
  await anteroom.setUpAndSignIn();
  const ids: number[] = [];
  for (const p of PEOPLE) ids.push((await anteroom.call('patients.create', { ...p })).id);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return ids;
}

test('keyboard only: Ctrl+K finds by the last four phone digits and by a misspelled name; FTS characters are just text', async ({ page, anteroom }) => {
  await registerPeople(page, anteroom);
  const detail = new PatientDetailPage(page);
  const palette = new SearchPalettePage(page);

  // From the day book (home), Ctrl+K opens the palette: the last four digits of the phone, Enter.
  await palette.open();
  await page.keyboard.type('0481');
  await page.keyboard.press('Enter');
  await expect(detail.name()).toHaveText('Margarethe Lindqvist');

  // One typo in a name of five letters or more still finds them.
  await palette.open();
  await page.keyboard.type('fernandes');
  await expect(palette.answered('fernandes')).toBeAttached();
  await expect(palette.patients().first()).toContainText('Fernández, José');
  await expect(palette.patients().first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette.dialog()).toBeHidden();
  await expect(detail.name()).toHaveText('José Fernández');

  // Quotes, stars and brackets are searched as text: no error, a plain "no match".
  await palette.open();
  const special = '"*( -:)';
  for (let i = 1; i <= special.length; i++) {
    await page.keyboard.type(special[i - 1]!);
    await expect(palette.answered(special.slice(0, i))).toBeAttached();
  }
  await expect(palette.status()).toContainText('No patients match');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('"garcía" (lopez*');
  await expect(palette.patients().first()).toContainText('García López, María');

  // Arrows move, the matched part is marked, Enter opens the one chosen; Esc closes.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('mar');
  await expect(palette.answered('mar')).toBeAttached();
  await expect(palette.patients()).toHaveCount(3);
  await expect(palette.patients().first().locator('mark').first()).toHaveText(/mar/i);
  await anteroom.screenshot('search-palette');
  await page.keyboard.press('ArrowDown');
  await expect(palette.patients().nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = (await palette.patients().nth(1).locator('.patient-name').textContent()) ?? '';
  await page.keyboard.press('Enter');
  const [last, first] = second.split(', ');
  await expect(detail.name()).toHaveText(`${first} ${last}`);

  // Commands too — and Enter never opens the new-patient form unless that is the row chosen.
  await palette.open();
  await page.keyboard.type('new');
  await expect(palette.commands().filter({ hasText: 'New patient' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette.dialog()).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('go to staff');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();
  await palette.open();
  await page.keyboard.press('Escape');
  await expect(palette.dialog()).toBeHidden();

  // Dark theme: marks and the selected row stay readable.
  await page.emulateMedia({ colorScheme: 'dark' });
  await palette.open();
  await page.keyboard.type('lind');
  await expect(palette.answered('lind')).toBeAttached();
  await anteroom.screenshot('search-palette-dark');
});

test('the dashboard search ranks and marks matches; the duplicate warning opens the existing record', async ({ page, anteroom }) => {
  await registerPeople(page, anteroom);
  const patients = new PatientsPage(page);
  await patients.open();
  await expect(patients.count()).toHaveText(`${PEOPLE.length} patients`);
  // On the patients screen Ctrl+K puts the cursor in its own search box, which answers the same way.
  await page.locator('body').click();
  await page.keyboard.press('Control+k');
  await expect(patients.search()).toBeFocused();
  await page.keyboard.type('0481');
  await expect(patients.count()).toHaveText('1 match');
  await patients.search().fill('mar');
  await expect(patients.count()).toHaveText('3 matches');
  // A first-name prefix ranks before a contains match ("Okonkwo, Mark" vs. "García López, María" both prefix; order by tier).
  await expect(patients.rows().first().locator('mark').first()).toHaveText(/mar/i);
  await patients.search().fill('07911 200733');
  await expect(patients.count()).toHaveText('1 match');
  await expect(patients.rows().first()).toContainText('García López, María');
  await patients.search().fill('lindqvst');
  await expect(patients.rows().first()).toContainText('Lindqvist, Margarethe');
  await patients.search().fill('mar');
  await expect(patients.count()).toHaveText('3 matches');
  await anteroom.screenshot('search-results-dashboard');

  await patients.search().fill('');
  await patients.newPatient();
  const form = new PatientFormPage(page);
  await form.fill({ firstName: 'Margaret', lastName: 'Lindquist', dateOfBirth: '1961-04-18', phone: '07911200481' });
  const warning = new DuplicateWarningPage(page);
  await expect(warning.region()).toContainText('Margarethe Lindqvist');
  await expect(warning.region()).toContainText('Same mobile phone');
  await anteroom.screenshot('search-duplicates');
  await warning.openExisting();
  await expect(new PatientDetailPage(page).name()).toHaveText('Margarethe Lindqvist');
  expect((await anteroom.call('patients.list', {})).total).toBe(PEOPLE.length);
});

const CSV_HEADER = 'First name,Surname,DOB,Gender,Mobile,E-mail';
const CSV_ROWS = [
  'Amara,Okafor,02/05/1990,F,07911 200101,amara@example.com',
  'Tomás,Novák,1985-11-30,male,07911 200102,',
  'Bad,Date,31/02/1990,M,07911 200103,', // row 4: there is no 31 February
  'Ingrid,Berg,12/12/1972,F,07911 200481,', // row 5: same mobile as Margarethe Lindqvist
];

test('CSV import: the bad row is reported, and "only if every row is valid" imports nothing', async ({ page, anteroom }) => {
  await registerPeople(page, anteroom);
  const patients = new PatientsPage(page);
  await patients.open();
  // Export first (admins): a CSV download of the register, audited by main.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  expect(readFileSync((await file.path())!, 'utf8')).toContain('Lindqvist');
  const audit = await anteroom.call('audit.list', {});
  expect(audit.rows.some((r) => r.action === 'export')).toBe(true);

  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await expect(page.getByRole('heading', { name: 'Import patients', level: 1 })).toBeVisible();
  await page.getByLabel('CSV file').setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from([CSV_HEADER, ...CSV_ROWS].join('\n')) });

  // Columns are matched from their headers.
  await expect(page.getByLabel('Last name')).toHaveValue('Surname');
  await expect(page.getByLabel('Date of birth')).toHaveValue('DOB');
  await expect(page.getByLabel('Mobile phone')).toHaveValue('Mobile');
  await page.getByRole('button', { name: 'Check the file' }).click();

  const problems = page.getByRole('table', { name: 'Rows with problems' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(problems.getByRole('row').nth(1)).toContainText('4');
  await expect(problems.getByRole('row').nth(1)).toContainText('Date of birth');
  await expect(page.getByRole('table', { name: 'Possible duplicates' })).toContainText('P-000001');
  await expect(page.getByRole('radio', { name: /Import only if every row is valid/ })).toBeChecked();
  await page.getByRole('region', { name: 'Check of the file' }).scrollIntoViewIfNeeded();
  await anteroom.screenshot('search-import');

  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('region', { name: 'Import result' })).toContainText('nothing was imported');
  expect((await anteroom.call('patients.list', { status: 'all' })).total).toBe(PEOPLE.length);

  // The user may then choose to import the valid rows only.
  await page.getByRole('button', { name: 'Change and try again' }).click();
  await page.getByRole('radio', { name: /Import all valid rows \(3\)/ }).check();
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('region', { name: 'Import result' })).toContainText('Imported 3 patients.');
  expect((await anteroom.call('patients.list', { status: 'all' })).total).toBe(PEOPLE.length + 3);
});

test('merge: everything linked moves to the kept record and the other is archived', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn({ sampleData: true });
  const all = (await anteroom.call('patients.list', { limit: 50 })).rows;
  let original = all[0]!;
  let booked = 0;
  for (const p of all) {
    const n = (await anteroom.call('appointments.forPatient', { patientId: p.id })).counts.total;
    if (n > 0) [original, booked] = [p, n];
    if (n > 0) break;
  }
  expect(booked).toBeGreaterThan(0);
  const full = await anteroom.call('patients.get', { id: original.id });
  const twin = await anteroom.call('patients.create', {
    firstName: full.firstName,
    lastName: full.lastName,
    dateOfBirth: full.dateOfBirth,
    sex: full.sex,
    phone: '07911 200400',
  });

  // Open the newer record from the palette by its record number, then merge the older one into it.
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  const palette = new SearchPalettePage(page);
  await palette.open();
  await page.keyboard.type(twin.mrn);
  await page.keyboard.press('Enter');
  await expect(new PatientDetailPage(page).identity()).toContainText(twin.mrn);
  await page.getByRole('button', { name: 'Merge with another record…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge with another record' });
  await dialog.getByRole('listitem').filter({ hasText: original.mrn }).click();
  await expect(dialog.getByRole('region', { name: 'Record to keep' })).toContainText(twin.mrn);
  await expect(dialog.getByRole('region', { name: 'Record to merge and archive' })).toContainText(original.mrn);
  await expect(dialog).toContainText('is then archived (not deleted)');
  await anteroom.screenshot('search-merge');
  await dialog.getByRole('button', { name: `Merge into ${twin.mrn}` }).click();
  await expect(dialog).toBeHidden();
  await expect(new PatientDetailPage(page).identity()).toContainText(twin.mrn);
  // The kept record's quick stats now count the moved appointments.
  await expect(page.getByRole('definition').filter({ hasText: String(booked) }).first()).toBeVisible();
  await expect(page.locator('.patient-stats')).toContainText(`Appointments${booked}`);
  await anteroom.screenshot('search-merged-patient');

  expect((await anteroom.call('appointments.forPatient', { patientId: twin.id })).counts.total).toBe(booked);
  expect((await anteroom.call('appointments.forPatient', { patientId: original.id })).counts.total).toBe(0);
  expect((await anteroom.call('patients.get', { id: original.id })).archivedAt).not.toBeNull();

  // The archived duplicate's page points at the record that lives on.
  await page.getByRole('button', { name: '← Patients' }).click();
  await new PatientsPage(page).status('All').check();
  await new PatientsPage(page).row(original.mrn).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'This record was merged into' })).toContainText(twin.mrn);
  await page.getByRole('button', { name: `Open ${twin.mrn}` }).click();
  await expect(new PatientDetailPage(page).identity()).toContainText(twin.mrn);
});

test('the register sorts by last visit and total spend and filters to patients with an upcoming appointment', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn({ sampleData: true });
  const patients = new PatientsPage(page);
  await patients.open();
  await expect(patients.count()).toHaveText('12 patients');
  const booked = (await anteroom.call('patients.list', { upcoming: true })).total;
  await page.getByRole('checkbox', { name: 'Has an upcoming appointment' }).check();
  await expect(patients.count()).toHaveText(`${booked} ${booked === 1 ? 'patient' : 'patients'}`);
  await page.getByRole('checkbox', { name: 'Has an upcoming appointment' }).uncheck();

  const byVisit = (await anteroom.call('patients.list', { sort: 'lastVisit', direction: 'desc' })).rows[0]!;
  await page.getByRole('button', { name: 'Last visit' }).click();
  await page.getByRole('button', { name: 'Last visit' }).click();
  await expect(page.getByRole('columnheader', { name: 'Last visit' })).toHaveAttribute('aria-sort', 'descending');
  await expect(patients.rows().first()).toContainText(`${byVisit.lastName}, ${byVisit.firstName}`);
  await page.getByRole('button', { name: 'Total spend' }).click();
  await expect(page.getByRole('columnheader', { name: 'Total spend' })).toHaveAttribute('aria-sort', 'ascending');
});

test('CSV import: Cancel during a large import rolls everything back', async ({ page, anteroom }) => {
  await registerPeople(page, anteroom);
  // Large enough that the import is still running when Cancel is pressed (100,000 rows take about 10 s).
  const rows = Array.from({ length: 80_000 }, (_, i) => `Bulk${i},Importer,01/01/1980,,07911 2${String(10_000 + i).padStart(5, '0')},`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from([CSV_HEADER, ...rows].join('\n')) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('region', { name: 'Check of the file' })).toContainText('80,000', { timeout: 30_000 });
  await page.getByRole('radio', { name: /Import all valid rows/ }).check();
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await anteroom.screenshot('search-import-progress');
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('region', { name: 'Import result' })).toContainText('Import cancelled. Nothing was imported.');
  expect((await anteroom.call('patients.list', { status: 'all' })).total).toBe(PEOPLE.length);
});
