// Accessibility as a keyboard or screen-reader user meets it: axe finds no WCAG 2.1 A/AA
// violation on any screen, in Arabic and in French; the focus ring is visible against what it
// sits on; the delete dialog gives the focus back; Enter confirms the dialog; text typed in the
// other language is marked with its own language.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { messages } from '../../renderer/i18n/messages.ts';
import { expectNoA11yViolations, wcagTags } from './axe.ts';
import { startServe, type ServeProcess } from './serve.ts';

mkdirSync('test-results/screens', { recursive: true });

// These screens are also held to axe's best practices: one main landmark, headings in order, no
// content outside a landmark.
const tags = [...wcagTags, 'best-practice'];

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const arabicTitle = 'اللقاء التشاوري حول رقمنة الخدمات العمومية';
const frenchTitle = 'Réunion du comité de pilotage';

async function createMeeting(request: APIRequestContext, fields: Record<string, unknown>): Promise<string> {
  const res = await request.post(`${server.origin}/api/createMeeting`, {
    data: { fields },
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  });
  const body = await res.json();
  expect(body.ok, JSON.stringify(body)).toBe(true);
  return body.value.id as string;
}

/** A meeting with people, an agenda and a transcript in both scripts, and a second one titled in French. */
async function seed(request: APIRequestContext): Promise<{ arabicId: string; frenchId: string }> {
  const arabicId = await createMeeting(request, {
    title: arabicTitle,
    date: '2026-11-20',
    startTime: '10:00',
    place: 'مقر الولاية، الرباط',
    chair: 'أحمد بنعلي',
    letterhead: ['المملكة المغربية', 'وزارة الداخلية'],
    participants: [
      { id: 'p-ahmed', name: 'أحمد بنعلي', gender: 'm', title: 'والي الجهة', organisation: 'ولاية الجهة' },
      { id: 'p-jean', name: 'Jean Dupont', gender: 'm', title: 'Expert', organisation: 'France Services' },
    ],
    agenda: [{ id: 'a-one', title: 'رقمنة خدمات الحالة المدنية' }],
    segments: [
      { id: 's-one', start: 0, end: 4.2, text: 'بسم الله الرحمن الرحيم، نفتتح هذا اللقاء.', speakerId: 'p-ahmed' },
      { id: 's-two', start: 4.2, end: 9, text: 'Merci monsieur le wali, je commence par le bilan.', speakerId: 'p-jean' },
    ],
  });
  const frenchId = await createMeeting(request, { title: frenchTitle, date: '2026-11-21', language: 'fr' });
  return { arabicId, frenchId };
}

async function setUiLanguage(page: Page, from: 'ar' | 'fr', to: 'ar' | 'fr') {
  if (from === to) return;
  await page.getByRole('combobox', { name: messages[from].language }).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

for (const lang of ['ar', 'fr'] as const) {
  test(`axe finds no violation on any screen (${lang})`, async ({ page, request }) => {
    const t = messages[lang];
    server = await startServe();
    await seed(request);
    await page.goto(server.url);
    await setUiLanguage(page, 'ar', lang);

    await expect(page.getByRole('heading', { name: t.library })).toBeVisible();
    await expect(page.getByText(frenchTitle)).toBeVisible();
    await expectNoA11yViolations(page, `library (${lang})`, { tags });

    await page.getByRole('button', { name: `${t.delete}: ${frenchTitle}` }).click();
    await expect(page.getByRole('dialog', { name: t.confirmDeleteTitle })).toBeVisible();
    await expectNoA11yViolations(page, `delete dialog (${lang})`, { tags });
    await page.screenshot({ path: `test-results/screens/a11y-delete-dialog-${lang}.png` });
    await page.getByRole('button', { name: t.cancel }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('button', { name: new RegExp(`^${arabicTitle}`) }).click();
    await expect(page.getByLabel(t.title, { exact: true })).toHaveValue(arabicTitle);
    await expectNoA11yViolations(page, `meeting form (${lang})`, { tags });

    await page.getByRole('tab', { name: t.transcript }).click();
    await expect(page.locator('.segments li')).toHaveCount(2);
    // The models list is folded away; open it so that it is scanned too.
    await page.locator('.transcript-panel summary').click();
    await expect(page.getByRole('button', { name: t.importModel })).toBeVisible();
    await expectNoA11yViolations(page, `transcript tab (${lang})`, { tags });
    await page.screenshot({ path: `test-results/screens/a11y-transcript-${lang}.png`, fullPage: true });

    await page.getByRole('tab', { name: t.minutes }).click();
    await expect(page.getByRole('button', { name: t.exportDocx })).toBeVisible();
    await expect(page.getByRole('region', { name: t.preview }).getByRole('heading').first()).toBeVisible();
    await expectNoA11yViolations(page, `minutes tab (${lang})`, { tags });
  });
}

/** The focused element, its focus ring and the colour behind the ring, with their contrast ratio. */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const rgba = (c: string) => (/rgba?\(([^)]*)\)/.exec(c)?.[1] ?? '0 0 0 0').split(/[\s,/]+/).filter(Boolean).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    // The ring is drawn outside the element (outline-offset), so it lies on the nearest painted ancestor.
    let behind = el.parentElement;
    while (behind && behind !== document.documentElement && (rgba(getComputedStyle(behind).backgroundColor)[3] ?? 1) === 0) behind = behind.parentElement;
    const style = getComputedStyle(el);
    const ring = rgba(style.outlineColor);
    const background = rgba(getComputedStyle(behind ?? document.documentElement).backgroundColor);
    const [hi, lo] = [luminance(ring), luminance(background)].sort((a, b) => b - a);
    return {
      label: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName,
      focusVisible: el.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${parseFloat(style.outlineWidth)}px`,
      ratio: Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100,
    };
  });
}

test('the keyboard focus ring stands out (3:1) from every surface it is drawn on', async ({ page, request }) => {
  const t = messages.ar;
  server = await startServe();
  await seed(request);
  await page.goto(server.url);
  await expect(page.getByText(frenchTitle)).toBeVisible();
  await page.keyboard.press('Tab'); // keyboard use: from here focus() shows the ring as Tab would

  const controls = [
    page.getByRole('combobox', { name: t.language }), // on the green header
    page.getByRole('searchbox', { name: t.search }), // on the page grey
    page.getByRole('button', { name: t.newMeeting }), // a green button
    page.getByRole('button', { name: `${t.delete}: ${frenchTitle}` }), // on a white card
  ];
  const rings = [];
  for (const control of controls) {
    await control.focus();
    rings.push(await focusRing(page));
  }
  await page.keyboard.press('Enter'); // the Delete button opens the dialog
  await expect(page.getByRole('dialog')).toBeVisible();
  rings.push(await focusRing(page)); // Cancel, on the white dialog
  await page.keyboard.press('Tab');
  rings.push(await focusRing(page)); // Delete, a red-outlined button in the dialog
  await page.screenshot({ path: 'test-results/screens/a11y-focus-ring-dialog.png' });

  expect(rings.map((r) => r.label)).toEqual([t.language, t.search, t.newMeeting, `${t.delete}: ${frenchTitle}`, t.cancel, t.delete]);
  for (const r of rings) {
    expect(r.focusVisible, r.label).toBe(true);
    expect(r.outline, r.label).toBe('solid 3px');
    expect(r.ratio, `${r.label}: focus ring contrast ${r.ratio}:1`).toBeGreaterThanOrEqual(3);
  }
});

/** The focused control's accessible label or text; 'BODY' when the focus was lost to the page. */
const activeLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
  });

test('the delete dialog opens on Cancel, gives the focus back, and after a delete leaves it on the search field', async ({ page, request }) => {
  const t = messages.ar;
  server = await startServe();
  await seed(request);
  await page.goto(server.url);
  const deleteFrench = page.getByRole('button', { name: `${t.delete}: ${frenchTitle}` });
  const dialog = page.getByRole('dialog', { name: t.confirmDeleteTitle });

  // Enter on Cancel (where a dangerous dialog opens) cancels; the focus is back on the opener.
  await deleteFrench.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  expect(await activeLabel(page)).toBe(t.cancel);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(frenchTitle)).toBeVisible();
  await expect.poll(() => activeLabel(page)).toBe(`${t.delete}: ${frenchTitle}`);

  // Escape cancels, and so does a click on Cancel: the focus comes back each time.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => activeLabel(page)).toBe(`${t.delete}: ${frenchTitle}`);
  await deleteFrench.click();
  await dialog.getByRole('button', { name: t.cancel }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => activeLabel(page)).toBe(`${t.delete}: ${frenchTitle}`);

  // Confirmed: the meeting and its button are gone, the focus is on the search field, not lost.
  await deleteFrench.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await activeLabel(page)).toBe(t.delete);
  await page.keyboard.press('Enter');
  await expect(page.getByText(frenchTitle)).toHaveCount(0);
  await expect(page.getByText(arabicTitle)).toBeVisible();
  await expect.poll(() => activeLabel(page)).toBe(t.search);
});

test('a dialog that is not dangerous opens on its confirm button: Enter confirms', async ({ page, request }) => {
  const t = messages.ar;
  server = await startServe();
  const { frenchId } = await seed(request);
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/meeting/${frenchId}`);
  await page.getByRole('tab', { name: t.minutes }).click();
  await page.getByRole('button', { name: t.approve }).click();
  const dialog = page.getByRole('dialog', { name: t.approve });
  await expect(dialog).toBeVisible();
  expect(await activeLabel(page)).toBe(t.approve);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.meeting-page .toolbar .status')).toHaveText(t.status_approved);
  // The Approve button became Reopen: the focus stays on it.
  await expect.poll(() => activeLabel(page)).toBe(t.reopen);
});

test('text typed in the other language carries its own lang and direction', async ({ page, request }) => {
  server = await startServe();
  const { arabicId, frenchId } = await seed(request);
  await page.goto(server.url);

  // Arabic interface: the French title is French, the Arabic one Arabic.
  const frenchCard = page.locator('.meeting-title', { hasText: frenchTitle });
  const arabicCard = page.locator('.meeting-title', { hasText: arabicTitle });
  await expect(frenchCard).toHaveAttribute('lang', 'fr');
  await expect(frenchCard).toHaveAttribute('dir', 'auto');
  await expect(arabicCard).toHaveAttribute('lang', 'ar');

  await page.goto(`${server.origin}/#/meeting/${frenchId}`);
  await expect(page.getByRole('heading', { level: 1, name: frenchTitle })).toHaveAttribute('lang', 'fr');

  // Names and segments in the transcript: each in its own language.
  await page.goto(`${server.origin}/#/meeting/${arabicId}`);
  await page.getByRole('tab', { name: messages.ar.transcript }).click();
  await expect(page.locator('.seg-speaker', { hasText: 'Jean Dupont' })).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.seg-text', { hasText: 'Merci monsieur' })).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.seg-speaker', { hasText: 'أحمد بنعلي' })).toHaveAttribute('lang', 'ar');
  await expect(page.locator('.seg-text', { hasText: 'بسم الله' })).toHaveAttribute('lang', 'ar');

  // French interface: the Arabic title is marked Arabic, right to left by itself.
  await setUiLanguage(page, 'ar', 'fr');
  await page.goto(`${server.origin}/#/`);
  await expect(arabicCard).toHaveAttribute('lang', 'ar');
  expect(await arabicCard.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await expect(frenchCard).toHaveAttribute('lang', 'fr');
});
