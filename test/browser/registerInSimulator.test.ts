import type { Browser, Frame, Page } from 'playwright-core';
import { startStack, type Stack } from '../../dev/stack';
import { seriousViolations } from '../support/axe';
import { artifactPath, launchChromium } from '../support/browser';

jest.setTimeout(180_000);

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // Letters wait 30 minutes for the handler, as an organisation may set it: the pane says when they go.
  [stack, browser] = await Promise.all([
    startStack({ addin: true, env: { KR_LETTER_REVIEW_MINUTES: '30' } }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterEach(async () => {
  stack.clock.set(null);
  await page.close();
});

async function pane(): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[title="Klachtenregister"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('task pane frame missing');
  return frame;
}

async function openSample(id: string, width?: number): Promise<Frame> {
  const simulator = stack.urls.simulator ?? '';
  await page.goto(
    `${width ? simulator.replace('simulator.html', `simulator.html?width=${width}`) : simulator}#${id}`,
  );
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

  test('320 px: "Registreer klacht" stays where it is while the fields and the tabs arrive after it', async () => {
    // Hold the fields' chunk back, as a slow network would, so the button is drawn before them; the tabs come
    // after the first screen in any case.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/fields[^/]*\.js(\?.*)?$/, async (route) => {
      await held;
      await route.continue();
    });
    const frame = await openSample('02-koningsdag', 320);
    const button = frame.getByRole('button', { name: 'Registreer klacht', disabled: false });
    await button.waitFor();
    await expect(frame.getByText('Behandeltermijn').count()).resolves.toBe(0);
    const before = await button.boundingBox();
    release();
    await frame.getByText('Behandeltermijn').waitFor();
    await frame.getByRole('tablist').waitFor();
    const after = await button.boundingBox();
    // A pointer on its way to the button must still find it there.
    expect(Math.abs((after?.y ?? 0) - (before?.y ?? -1000))).toBeLessThanOrEqual(2);
  });

  test('a draft and a meeting get an explanation instead of the button', async () => {
    let frame = await openSample('09-draft');
    await frame.getByText('Dit is een concept').waitFor();
    await page.locator('[data-sample="10-meeting"]').click();
    frame = await pane();
    await frame.getByText('Geen e-mailbericht').waitFor();
    await expect(frame.getByRole('button', { name: 'Registreer klacht' }).count()).resolves.toBe(0);
  });

  test('320 px: after registering, "gaat om HH:MM de deur uit" and "aanpassen" opens the letter to change it', async () => {
    // Thursday 23 April 2026, 17:05 in Amsterdam, for the app and for the pane alike.
    stack.clock.set(new Date('2026-04-23T17:05:00+02:00'));
    await page.clock.setFixedTime(new Date('2026-04-23T17:05:00+02:00'));
    const frame = await openSample('02-koningsdag', 320);
    const registerButton = frame.getByRole('button', { name: 'Registreer klacht' });
    const asNew = frame.getByRole('button', { name: 'Registreer als nieuwe klacht' });
    await registerButton.or(asNew).first().waitFor();
    if (await asNew.isVisible()) await asNew.click();
    await registerButton.click();
    await frame.getByTestId('complaint-number').waitFor();

    // Queued at 17:05, held for the 30 minutes of the review window.
    const message = frame.getByText(/Ontvangstbevestiging aan .+ gaat om 17:35 de deur uit/);
    await message.waitFor();
    await expect(message.textContent()).resolves.toMatch(/gaat om 17:35 de deur uit — aanpassen$/);
    await page
      .locator('aside[aria-label="Invoegtoepassing"]')
      .screenshot({ path: artifactPath('pane-320-sends-at.png') });
    expect(await seriousViolations(frame)).toEqual([]);

    await frame.getByRole('link', { name: 'aanpassen' }).click();
    const note = frame.getByRole('textbox', { name: /Persoonlijke alinea/ });
    await note.waitFor();
    // The focus moved to the paragraph of this letter.
    await frame.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await expect(note.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // The paragraph is typed where the focus went, and saved into the letter before it goes.
    await page.keyboard.type('Wij bellen u deze week.');
    await frame.getByRole('button', { name: 'Alinea opslaan' }).click();
    await frame.waitForFunction(() =>
      [...document.querySelectorAll('iframe[title^="Voorbeeld van de brief"]')].some((f) =>
        (f.getAttribute('srcdoc') ?? '').includes('Wij bellen u deze week.'),
      ),
    );
    await page
      .locator('aside[aria-label="Invoegtoepassing"]')
      .screenshot({ path: artifactPath('pane-320-letter-edit.png') });
    expect(await seriousViolations(frame)).toEqual([]);
  });
});
