// Small truths of the minutes as the secretary sees them: the secretary's gender and the city
// typed in the details form reach the minutes (كاتبة الجلسة, حرر بالرباط); the minutes call their
// revision a version (النسخة), not المراجعة, the name of the review tab; an approved meeting says
// once per tab that it is read-only; and the export is saved under the meeting's date and title.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiCall, startServe, type ServeProcess } from './serve.ts';

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const call = <T>(request: APIRequestContext, method: string, data: unknown) => apiCall<T>(request, server, method, data);

test('secretary gender and city reach the minutes; an approved meeting says once that it is read-only', async ({ page, request }) => {
  server = await startServe();
  const title = 'اجتماع لجنة المالية: الميزانية';
  const fields = { title, date: '2026-11-12', place: 'قاعة الاجتماعات الكبرى', secretary: 'سناء العلوي' };
  const { id } = await call<{ id: string }>(request, 'createMeeting', { fields });
  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);

  await page.getByLabel('المدينة (حرر ب…)').fill('الرباط');
  await page.getByLabel('كتابة الجلسة').selectOption('f');
  await expect.poll(async () => (await call<{ city?: string; secretaryGender?: string }>(request, 'getMeeting', { id })).secretaryGender).toBe('f');

  await page.getByRole('tab', { name: 'المحضر', exact: true }).click();
  await expect(page.locator('.minutes-signatures')).toContainText('كاتبة الجلسة');
  await expect(page.getByText(/حرر بالرباط في/)).toBeVisible();
  await expect(page.getByText('النسخة 1', { exact: true })).toBeVisible();
  await expect(page.getByText('المراجعة 1', { exact: true })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تصدير المحضر (DOCX)' }).click();
  // ":" is refused by Windows file names: it is left out.
  expect((await download).suggestedFilename()).toBe('2026-11-12 اجتماع لجنة المالية الميزانية.docx');

  await call(request, 'approveMeeting', { meetingId: id });
  await page.reload();
  for (const tab of ['المعلومات', 'التسجيل', 'التفريغ', 'المراجعة', 'المحضر']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText(/للقراءة فقط/), tab).toHaveCount(1);
  }
});
