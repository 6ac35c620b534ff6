/**
 * The director's desk in the Outlook simulator at 320 px, against the real local stack: the director changes a
 * setting, opens the yearly report, and finds a complaint by the complainant's name; axe-core checks the
 * director's views. Screenshots are kept in test-artifacts/ for the record.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient } from '../support/api';
import { frameOf, seriousViolations, type AxeViolation } from '../support/axeDesk';
import { artifactPath, launchChromium } from '../support/browser';

jest.setTimeout(240_000);

let stack: Stack;
let browser: Browser;
let page: Page;
let number = '';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ addin: true }), launchChromium()]);
  stack.clock.set(new Date('2026-03-16T10:00:00+01:00'));
  page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  page.on('dialog', (d) => void d.dismiss());
  // A handler registers the complaint the director will look for.
  const frame = await openSample('01-ordinary');
  await frame.getByRole('button', { name: 'Registreer klacht' }).click();
  number = (await frame.getByTestId('complaint-number').textContent()) ?? '';
  expect(number).toMatch(/^K-2026-\d{4}$/);
  await signInAs('Directeur');
});

afterAll(async () => {
  stack?.clock.set(null);
  await browser?.close();
  await stack?.stop();
});

const pane = (): FrameLocator => page.frameLocator('iframe[title="Klachtenregister"]');

async function openSample(id: string): Promise<FrameLocator> {
  await page.goto(
    `${(stack.urls.simulator ?? '').replace('simulator.html', 'simulator.html?width=320')}#${id}`,
  );
  await page.locator(`[data-sample="${id}"]`).click();
  return pane();
}

/** Switches the simulator's sign-in; the pane reloads, and the tabs show once it knows the role. */
async function signInAs(role: 'Klachtbehandelaar' | 'Directeur'): Promise<void> {
  await page.locator('#role').selectOption(role);
  await pane().getByRole('tab', { name: 'Register' }).waitFor();
  if (role === 'Directeur') await pane().getByRole('tab', { name: 'Directeur' }).waitFor();
}

async function shot(name: string): Promise<void> {
  await page
    .locator('aside[aria-label="Invoegtoepassing"]')
    .screenshot({ path: artifactPath(`desk-320-${name}.png`) });
}

const summary = (violations: AxeViolation[]): string[] =>
  violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

async function expectAccessible(selector: string): Promise<void> {
  expect(summary(await seriousViolations(await frameOf(pane()), selector))).toEqual([]);
}

describe('the director’s desk at 320 px', () => {
  test('the director changes a setting; it is saved and shown as the new version', async () => {
    const frame = pane();
    await frame.getByRole('tab', { name: 'Directeur' }).click();
    await frame.getByRole('tab', { name: 'Instellingen' }).click();
    const reminder = frame.getByRole('spinbutton', {
      name: 'Herinnering aan de behandelaar (werkdagen vóór een termijn)',
    });
    await reminder.waitFor();
    await expectAccessible('section[aria-label="Directeur"]');
    await reminder.fill('4');
    await frame.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await frame.getByText(/^Instellingen opgeslagen \(versie \d+\)\./).waitFor();
    await shot('settings-saved');
    const saved = await apiClient(stack).call<{ settings: { reminderWorkingDays: number } }>(
      'GET',
      '/settings',
      {
        role: 'Directeur',
      },
    );
    expect(saved.body.settings.reminderWorkingDays).toBe(4);
    // The form is the saved version now: nothing left to save.
    await expect(frame.getByRole('button', { name: 'Instellingen opslaan' }).isDisabled()).resolves.toBe(
      true,
    );
  });

  test('the director reads the key figures and opens the yearly report in a new window', async () => {
    const frame = pane();
    await frame.getByRole('tab', { name: 'Directeur' }).click();
    await frame.getByRole('tab', { name: 'Overzicht' }).click();
    const keyFigures = frame.locator('dl[aria-label="Kerncijfers 2026"]');
    await keyFigures.waitFor();
    await frame.locator('dl[aria-label="Weekoverzicht"]').waitFor();
    const figures = (await keyFigures.textContent()) ?? '';
    expect(figures).toContain('Klachten ontvangen1 klacht');
    expect(figures).not.toMatch(/asOf|agreementRate|pastDue|carriedOut/);
    await expectAccessible('section[aria-label="Directeur"]');
    await shot('overview');

    const [report] = await Promise.all([
      page.waitForEvent('popup'),
      frame.getByRole('button', { name: 'Jaarrapport openen' }).click(),
    ]);
    await report.getByRole('heading', { name: 'Jaaranalyse klachten 2026' }).waitFor();
    await expect(report.title()).resolves.toBe('Jaaranalyse klachten 2026');
    await expect(report.locator('svg').count()).resolves.toBeGreaterThan(0);
    await report.close();
  });

  test('the register starts at all open complaints; the director finds the complaint by name', async () => {
    const frame = pane();
    await frame.getByRole('tab', { name: 'Register' }).click();
    await expect(frame.getByRole('radio', { name: 'Alle open' }).isChecked()).resolves.toBe(true);
    await frame.getByRole('list', { name: 'Open klachten' }).waitFor();
    await expectAccessible('section[aria-label="Register"]');
    await frame.getByRole('searchbox', { name: 'Zoek in het register' }).fill('dijkstra');
    await frame.getByRole('button', { name: 'Zoeken' }).click();
    const found = frame.getByRole('list', { name: 'Gevonden klachten' });
    await found.waitFor();
    const row = found.getByRole('button').filter({ hasText: number });
    await expect(row.textContent()).resolves.toContain('Femke Dijkstra');
    await expect(row.textContent()).resolves.toContain('Behandelaar:');
    await shot('search');
    await row.click();
    await expect(frame.getByTestId('complaint-number').filter({ visible: true }).textContent()).resolves.toBe(
      number,
    );
    await frame.getByRole('button', { name: 'Dossier downloaden' }).waitFor();
  });

  test('a search finds only what matches', async () => {
    const frame = pane();
    await frame.getByRole('button', { name: '← Terug' }).click();
    await frame.getByRole('searchbox', { name: 'Zoek in het register' }).fill('iemand-die-nooit-klaagde');
    await frame.getByRole('button', { name: 'Zoeken' }).click();
    await frame.getByText('Geen klachten gevonden.').waitFor();
  });
});
