// The Hijri date beside the meeting date (issue 27): the Moroccan day from the Ministry of
// Habous's announcements, or the computed one to move by a day and confirm; approval names a
// computed date until it is confirmed.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { messages } from '../../renderer/i18n/messages.ts';
import { expectNoA11yViolations } from './axe.ts';
import { apiCall, startServe, type ServeProcess } from './serve.ts';

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const call = <T>(request: APIRequestContext, method: string, data: unknown) => apiCall<T>(request, server, method, data);
const t = messages.ar;

interface Stored {
  hijriAdjust?: number;
  hijriConfirmed?: { date: string; hijri: string };
}

test('the form shows the Moroccan Hijri date, moves it by a day and records its confirmation', async ({ page, request }) => {
  server = await startServe();
  const { id } = await call<{ id: string }>(request, 'createMeeting', { fields: { title: 'لجنة التتبع', date: '2022-10-17', secretary: 'سناء العلوي', reference: '2022/17' } });
  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);
  const hijri = page.getByRole('group', { name: t.hijriAdjust });

  // 17 October 2022: 20 ربيع الأول 1444 in Morocco (Umm al-Qura says 21), from the Ministry's table.
  await expect(hijri.locator('output')).toHaveText('20 ربيع الأول 1444 هـ');
  await expect(hijri).toContainText(t.hijriFromTable);
  await expect(hijri.getByRole('button', { name: t.hijriConfirm })).toHaveCount(0);

  // A date past the table is computed, and approval names it until it is confirmed.
  await page.getByLabel(t.date, { exact: true }).fill('12/11/2026');
  await expect(hijri.locator('output')).toHaveText('2 جمادى الآخرة 1448 هـ');
  await expect(hijri).toContainText(t.hijriComputed);
  await expectNoA11yViolations(page, 'details form, computed Hijri date');
  await expect.poll(async () => (await call<{ hijriUnconfirmed: unknown }>(request, 'approvalCheck', { meetingId: id })).hijriUnconfirmed).toEqual({ year: 1448, month: 6, day: 2 });

  await hijri.getByRole('button', { name: t.hijriConfirm }).click();
  await expect(hijri).toContainText(t.hijriConfirmedBySecretary);
  await expect.poll(async () => (await call<Stored>(request, 'getMeeting', { id })).hijriConfirmed).toEqual({ date: '2026-11-12', hijri: '1448-06-02' });
  expect((await call<{ hijriUnconfirmed: unknown }>(request, 'approvalCheck', { meetingId: id })).hijriUnconfirmed).toBeNull();

  // A day earlier is another date: the confirmation no longer covers it.
  await hijri.getByRole('button', { name: t.hijriAdjust_minus }).click();
  await expect(hijri.locator('output')).toHaveText('1 جمادى الآخرة 1448 هـ');
  await expect(hijri).toContainText(t.hijriComputed);
  await expect(hijri.getByRole('button', { name: t.hijriAdjust_minus })).toBeDisabled();
  await expect.poll(async () => (await call<Stored>(request, 'getMeeting', { id })).hijriAdjust).toBe(-1);

  // The minutes print the date shown.
  await page.getByRole('tab', { name: t.minutes }).click();
  await expect(page.getByText(/الموافق لـ 1 جمادى الآخرة 1448 هـ/).first()).toBeVisible();

  // The adjustment kept for a day of the table moves it off the announcement, and says so.
  await page.getByRole('tab', { name: t.details }).click();
  await page.getByLabel(t.date, { exact: true }).fill('17/10/2022');
  await expect(hijri.locator('output')).toHaveText('19 ربيع الأول 1444 هـ');
  await expect(hijri).toContainText(t.hijriMovedFromTable);
  await hijri.getByRole('button', { name: t.hijriAdjust_plus }).click();
  await expect(hijri.locator('output')).toHaveText('20 ربيع الأول 1444 هـ');
  await expect(hijri).toContainText(t.hijriFromTable);
});
