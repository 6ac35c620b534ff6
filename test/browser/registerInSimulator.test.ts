import type { Browser, Frame, Page } from 'playwright-core';
import { startStack, type Stack } from '../../dev/stack';
import { artifactPath, launchChromium } from '../support/browser';

jest.setTimeout(180_000);

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ addin: true }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterEach(async () => {
  await page.close();
});

async function pane(): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[title="Klachtenregister"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('task pane frame missing');
  return frame;
}

async function openSample(id: string): Promise<Frame> {
  await page.goto(`${stack.urls.simulator ?? ''}#${id}`);
  await page.locator(`[data-sample="${id}"]`).click();
  return pane();
}

describe('the Outlook simulator with the real task pane', () => {
  test('registering an ordinary complaint shows its number, and selecting it again shows the same complaint', async () => {
    const frame = await openSample('01-ordinary');
    const button = frame.getByRole('button', { name: 'Registreer klacht' });
    await button.click();
    const number = frame.getByTestId('complaint-number');
    await number.waitFor();
    const shown = await number.textContent();
    expect(shown).toMatch(/^K-\d{4}-\d{4}$/);
    await page.screenshot({ path: artifactPath('simulator-registered.png') });

    // Another e-mail, then back: the pane asks the register and shows the existing complaint.
    await page.locator('[data-sample="02-koningsdag"]').click();
    await frame.getByRole('button', { name: 'Registreer klacht' }).waitFor();
    await page.locator('[data-sample="01-ordinary"]').click();
    await expect(frame.getByTestId('complaint-number').textContent()).resolves.toBe(shown);
    await expect(frame.getByRole('button', { name: 'Registreer klacht' }).count()).resolves.toBe(0);
  });

  test('a draft and a meeting get an explanation instead of the button', async () => {
    let frame = await openSample('09-draft');
    await frame.getByText('Dit is een concept').waitFor();
    await page.locator('[data-sample="10-meeting"]').click();
    frame = await pane();
    await frame.getByText('Geen e-mailbericht').waitFor();
    await expect(frame.getByRole('button', { name: 'Registreer klacht' }).count()).resolves.toBe(0);
  });
});
