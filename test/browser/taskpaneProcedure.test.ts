/**
 * The task pane in the Outlook simulator, at 320 px wide, against the real local stack: registering (once,
 * even when clicked twice), the late and repeat warnings, hostile content as text, the whole procedure to
 * closure with an extension and an escalation, and what a Medewerker and the Directeur see. Each state is
 * kept as a 320 px screenshot in test-artifacts/ (for the record, not compared).
 */
import type { Browser, Frame, Page } from 'playwright-core';
import '../../addin/dev/simulator/simulatorBridge';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient } from '../support/api';
import { seriousViolations } from '../support/axe';
import { artifactPath, launchChromium } from '../support/browser';
import { sample } from '../support/samples';

jest.setTimeout(240_000);

let stack: Stack;
let browser: Browser;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ addin: true }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
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

/** Opens a sample in the simulator with the pane 320 px wide. */
async function openSample(id: string): Promise<Frame> {
  await page.goto(
    `${(stack.urls.simulator ?? '').replace('simulator.html', 'simulator.html?width=320')}#${id}`,
  );
  await page.locator(`[data-sample="${id}"]`).click();
  return pane();
}

async function switchRole(role: 'Medewerker' | 'Klachtbehandelaar' | 'Directeur'): Promise<Frame> {
  await page.locator('#role').selectOption(role);
  await page.waitForTimeout(200);
  return pane();
}

async function shot(name: string): Promise<void> {
  await page
    .locator('aside[aria-label="Invoegtoepassing"]')
    .screenshot({ path: artifactPath(`pane-320-${name}.png`) });
}

/** Presses Tab until the focused element has this text or tag (keyboard only; at most 60 stops). */
async function tabTo(frame: Frame, target: { text?: string; tag?: string }): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const found = await frame.evaluate(({ text, tag }) => {
      const el = document.activeElement;
      if (!el) return false;
      return (text === undefined || el.textContent === text) && (tag === undefined || el.tagName === tag);
    }, target);
    if (found) return;
  }
  throw new Error('the element was not reached with Tab');
}

async function register(frame: Frame): Promise<string> {
  // An e-mail that probably belongs to an earlier complaint first offers to link it; registering anew is the
  // second choice there.
  const registerButton = frame.getByRole('button', { name: 'Registreer klacht' });
  const asNew = frame.getByRole('button', { name: 'Registreer als nieuwe klacht' });
  await registerButton.or(asNew).first().waitFor();
  if (await asNew.isVisible()) await asNew.click();
  await registerButton.click();
  const number = frame.getByTestId('complaint-number');
  await number.waitFor();
  return (await number.textContent()) ?? '';
}

/** Records one step through the pane's form and waits until the API accepted it. */
async function recordStep(frame: Frame, label: string, fill: () => Promise<void> = async () => undefined) {
  await frame.getByRole('combobox', { name: 'Stap' }).selectOption({ label });
  await fill();
  await frame.getByRole('button', { name: 'Vastleggen' }).click();
  const done = frame.getByText('Vastgelegd.');
  const stale = frame.getByText('De klacht is intussen gewijzigd');
  await done.or(stale).first().waitFor();
  if (await stale.isVisible()) {
    // Sending the previous step's letter changed the complaint (new ETag): the pane reloaded it and kept
    // what was typed; the handler looks and records again, as the message asks.
    await frame.getByRole('button', { name: 'Vastleggen' }).click();
  }
  await done.waitFor().catch(async (error: unknown) => {
    // Keep what the pane said (a refusal, a field error) for whoever reads the failure.
    await shot(`failed-${label.replace(/[^a-z]+/gi, '-')}`);
    throw error;
  });
  await frame.getByRole('region', { name: 'Tijdlijn' }).getByText(label).first().waitFor();
}

describe('the task pane in the simulator (320 px)', () => {
  let ordinaryNumber = '';

  test('an ordinary complaint: the empty form, then its number, deadlines and timeline', async () => {
    stack.clock.set(new Date('2026-03-16T10:00:00+01:00'));
    const frame = await openSample('01-ordinary');
    await frame.getByRole('button', { name: 'Registreer klacht' }).waitFor();
    await shot('01-not-registered');
    ordinaryNumber = await register(frame);
    expect(ordinaryNumber).toMatch(/^K-2026-\d{4}$/);
    await frame.getByRole('region', { name: 'Termijnen' }).waitFor();
    await frame.getByRole('region', { name: 'Tijdlijn' }).getByText('Geregistreerd').waitFor();
    await shot('02-registered');
  });

  test('the whole procedure to closure, with an extension and an escalation', async () => {
    stack.clock.set(new Date('2026-03-16T10:00:00+01:00'));
    const frame = await openSample('01-ordinary');
    await expect(frame.getByTestId('complaint-number').textContent()).resolves.toBe(ordinaryNumber);

    await recordStep(frame, 'Verlenging vastgesteld', async () => {
      await frame.getByLabel('Vastgesteld op').fill('2026-03-16');
      await frame.getByLabel('Reden van de verlenging').fill('De docent is tot half april afwezig.');
      await frame.getByLabel('Verwachte datum van afhandeling').fill('2026-05-29');
    });
    await shot('03-extension');
    await recordStep(frame, 'Voorgelegd aan directeur', async () => {
      await frame.getByLabel('Voorgelegd op').fill('2026-03-16');
      await frame
        .getByLabel('Waarom de directeur?')
        .fill('Terugbetaling boven het mandaat van de behandelaar.');
    });
    await recordStep(frame, 'Reactie over werkwijze gegeven');
    await recordStep(frame, 'Besluit genomen', () =>
      frame.getByLabel('Besluit', { exact: false }).first().fill('De dubbele factuur wordt gecrediteerd.'),
    );
    await recordStep(frame, 'Oplossing voorgesteld', () =>
      frame.getByLabel('Voorgestelde oplossing').fill('Creditnota voor de tweede factuur.'),
    );
    await recordStep(frame, 'Reactie klager vastgelegd (akkoord / niet akkoord)', () =>
      frame.getByRole('radio', { name: 'Akkoord', exact: true }).check(),
    );
    await shot('04-before-closing');
    // Closing is final: the pane asks first, with the register's fields.
    await frame.getByRole('combobox', { name: 'Stap' }).selectOption({ label: 'Afgesloten' });
    await frame.getByRole('button', { name: 'Vastleggen' }).click();
    const confirm = frame.getByRole('alertdialog', { name: /afsluiten\?/ });
    await confirm.getByText('Afsluiten is definitief', { exact: false }).waitFor();
    await confirm.getByText('Creditnota voor de tweede factuur.').waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await shot('04b-confirm-closing');
    await confirm.getByRole('button', { name: 'Definitief afsluiten' }).click();
    await frame.getByText('Vastgelegd.').waitFor();
    await frame.getByRole('region', { name: 'Tijdlijn' }).getByText('Afgesloten').first().waitFor();
    await frame.getByText('Afgesloten', { exact: true }).first().waitFor();
    // R14 after closing: a cause can still be recorded; closing is no longer offered.
    const options = await frame.getByRole('combobox', { name: 'Stap' }).locator('option').allTextContents();
    expect(options).toContain('Oorzaak vastgesteld');
    expect(options).not.toContain('Afgesloten');
    await recordStep(frame, 'Oorzaak vastgesteld', async () => {
      await frame.getByLabel('Categorie').selectOption('facturering');
      await frame.getByRole('textbox', { name: /^Oorzaak/ }).fill('Factuur handmatig twee keer verstuurd.');
    });
    const register = frame.getByRole('region', { name: 'Registergegevens' });
    await register.getByText('Creditnota voor de tweede factuur.').waitFor();
    await shot('05-closed');
  });

  test('a repeat after the first was decided: before registering, the warning links to it and two actions are offered', async () => {
    stack.clock.set(new Date('2026-06-16T10:00:00+02:00'));
    const frame = await openSample('04-repeat');
    // The e-mail answers the first complaint's conversation: the handler registers it as a new complaint.
    await frame.getByRole('button', { name: 'Registreer als nieuwe klacht' }).click();
    await frame.getByText('Mogelijk herhaalde klacht').waitFor();
    await frame.getByRole('region', { name: 'Eerdere klachten van deze afzender' }).waitFor();
    await frame.getByRole('button', { name: 'Registreren en in behandeling nemen' }).waitFor();
    const inadmissible = frame.getByRole('button', { name: /^Registreren als niet-ontvankelijk/ });
    await expect(inadmissible.textContent()).resolves.toContain(ordinaryNumber);
    await expect(frame.getByRole('button', { name: 'Registreer klacht' }).count()).resolves.toBe(0);
    expect(await seriousViolations(frame)).toEqual([]);
    await shot('06-repeat-warning');
    await frame.getByRole('link', { name: ordinaryNumber }).first().click();
    // The earlier complaint replaces the e-mail's (which stays mounted, hidden, with what was typed).
    const shown = frame.locator('[data-testid="complaint-number"]:visible');
    await expect(shown.textContent()).resolves.toBe(ordinaryNumber);
    await frame.getByRole('button', { name: '← Terug' }).click();
    await frame.getByRole('button', { name: 'Registreren en in behandeling nemen' }).waitFor();
  });

  test('"Registreren als niet-ontvankelijk" for the repeat sends exactly one letter: the inadmissibility', async () => {
    stack.clock.set(new Date('2026-06-16T10:00:00+02:00'));
    const frame = await openSample('04-repeat');
    await frame.getByRole('button', { name: 'Registreer als nieuwe klacht' }).click();
    await frame.getByRole('button', { name: /^Registreren als niet-ontvankelijk/ }).click();
    const number = frame.getByTestId('complaint-number');
    await number.waitFor();
    expect(await number.textContent()).not.toBe(ordinaryNumber);
    await frame.getByRole('region', { name: 'Tijdlijn' }).getByText('Niet-ontvankelijk verklaard').waitFor();
    const api = apiClient(stack);
    const found = await api.call<{ items: { id: string }[] }>(
      'GET',
      `/complaints?internetMessageId=${encodeURIComponent(sample('04-repeat').internetMessageId)}`,
    );
    const id = found.body.items[0]?.id ?? '';
    const letters = await api.call<{ items: { kind: string }[] }>('GET', `/complaints/${id}/letters`);
    expect(letters.body.items.map((l) => l.kind)).toEqual(['inadmissibleRepeat']);
    expect(await seriousViolations(frame)).toEqual([]);
    await shot('06b-repeat-inadmissible');
  });

  test('clicking "Registreer klacht" twice fast registers one complaint', async () => {
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/api/complaints')) posts.push(r.url());
    });
    const frame = await openSample('08-saturday');
    const button = frame.getByRole('button', { name: 'Registreer klacht' });
    await button.waitFor();
    await button.evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await frame.getByTestId('complaint-number').waitFor();
    await page.waitForTimeout(500);
    expect(posts).toHaveLength(1);
  });

  test('a late complaint: the plain question, the warning and "Registreren en in behandeling nemen"', async () => {
    const frame = await openSample('03-late');
    await frame.getByLabel('Wanneer ontstond het probleem?').fill('2026-04-10');
    await frame.getByText('Mogelijk te laat ingediend').waitFor();
    await frame.getByRole('button', { name: /^Registreren als niet-ontvankelijk \(te laat/ }).waitFor();
    await shot('07-late-warning');
    await frame.getByRole('button', { name: 'Registreren en in behandeling nemen' }).click();
    await frame.getByTestId('complaint-number').waitFor();
    await frame.getByText('Te laat ingediend', { exact: true }).first().waitFor();
  });

  test('a forwarded e-mail proposes the original sender as complainant', async () => {
    const frame = await openSample('07-forwarded');
    await expect(frame.getByLabel('Naam klager').inputValue()).resolves.toBe('Noor Visser');
    await expect(frame.getByLabel('E-mailadres klager').inputValue()).resolves.toBe(
      'noor.visser@klant.example',
    );
  });

  test('hostile content renders as inert text', async () => {
    const frame = await openSample('05-hostile');
    await frame.getByRole('button', { name: 'Registreer klacht' }).waitFor();
    await frame.getByText('<img src=x onerror=alert(1)> Klacht', { exact: false }).first().waitFor();
    await shot('08-hostile');
    await register(frame);
    await frame.getByText("<script>alert('x')</script> Tester", { exact: false }).first().waitFor();
    const injected = await frame.evaluate(
      () => document.querySelectorAll('#root img, #root script, #root iframe:not([sandbox])').length,
    );
    expect(injected).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('by keyboard alone: register, then "Informatie opgevraagd" opens a prepared reply in Outlook', async () => {
    stack.clock.set(new Date('2026-09-07T10:00:00+02:00'));
    const frame = await openSample('07-forwarded');
    await frame.getByRole('button', { name: 'Registreer klacht' }).waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await frame.getByLabel('Wanneer ontstond het probleem?').focus();
    await tabTo(frame, { text: 'Registreer klacht' });
    await page.keyboard.press('Enter');
    const number = (await frame.getByTestId('complaint-number').textContent()) ?? '';
    expect(number).toMatch(/^K-2026-\d{4}$/);
    await frame.getByRole('heading', { name: 'Volgende stap' }).waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await frame.getByRole('combobox', { name: 'Stap' }).focus();
    for (let i = 0; i < 20; i++) {
      const value = await frame.evaluate(() => (document.activeElement as HTMLSelectElement).value);
      if (value === 'informationRequested') break;
      await page.keyboard.press('ArrowDown');
    }
    await tabTo(frame, { tag: 'TEXTAREA' });
    await page.keyboard.type('Welk factuurnummer staat op de tweede factuur?');
    await tabTo(frame, { text: 'Vastleggen' });
    await page.keyboard.press('Enter');
    await frame.getByText('Vastgelegd.').waitFor();
    // The focus is on the result, so the handler hears what happened.
    await expect(frame.evaluate(() => document.activeElement?.getAttribute('role') ?? '')).resolves.toBe(
      'status',
    );
    const forms = await page.evaluate(() => window.klachtenOpenedForms ?? []);
    const reply = forms.find((f) => f.kind === 'reply');
    expect(reply && reply.kind === 'reply' ? reply.htmlBody : '').toContain(`[${number}]`);
    expect(await seriousViolations(frame)).toEqual([]);
    await shot('12-keyboard-step');
  });

  test('a Medewerker sees only that it is registered, and its number', async () => {
    await openSample('02-koningsdag');
    const frame = await switchRole('Medewerker');
    const number = await register(frame);
    expect(number).toMatch(/^K-2026-\d{4}$/);
    await frame.getByText('De inhoud ziet u hier niet.', { exact: false }).waitFor();
    await expect(frame.getByRole('region', { name: 'Tijdlijn' }).count()).resolves.toBe(0);
    await expect(frame.getByRole('tab').count()).resolves.toBe(0);
    expect(await seriousViolations(frame)).toEqual([]);
    await shot('09-medewerker');
  });

  test('the Directeur has the register and the director tab', async () => {
    await openSample('02-koningsdag');
    let frame = await switchRole('Directeur');
    frame = await pane();
    await frame.getByRole('tab', { name: 'Register' }).click();
    await frame.getByRole('radio', { name: 'Alle open' }).check();
    const register = frame.getByRole('region', { name: 'Register' });
    await register
      .getByRole('list', { name: 'Open klachten' })
      .or(register.getByText('nog niet beschikbaar'))
      .first()
      .waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await shot('10-register');
    await frame.getByRole('tab', { name: 'Directeur' }).click();
    await frame.getByRole('heading', { name: /Kerncijfers/ }).waitFor();
    await frame.getByRole('region', { name: 'Directeur' }).getByText('Klachten ontvangen').waitFor();
    await frame.getByRole('heading', { name: 'Aan u voorgelegd' }).waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await shot('11-directeur');
    await switchRole('Klachtbehandelaar');
  });
});
