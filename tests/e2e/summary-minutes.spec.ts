// Summary minutes through the UI: a consultation prints a summary written through the API
// (applyEdit writeSummary) in its preview and its DOCX, the interventions word for word in the
// annex; an intervention without a summary is shown flagged and named before approval, which
// stays possible; the meeting form switches the minutes to verbatim.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../../renderer/i18n/messages.ts';
import { apiCall, apiHeaders, startServe, type ServeProcess } from './serve.ts';

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const auth = () => apiHeaders(server);
const call = <T>(request: APIRequestContext, method: string, data: unknown) => apiCall<T>(request, server, method, data);

/** The paragraphs of an exported DOCX, as text. */
async function docxText(request: APIRequestContext, id: string): Promise<string> {
  const exported = await call<{ downloadId: string }>(request, 'exportMeeting', { meetingId: id, format: 'docx' });
  const res = await request.get(`${server.origin}/download/${exported.downloadId}`, { headers: auth() });
  expect(res.ok()).toBe(true);
  const dir = join(server.dataDir, 'export-check');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'minutes.docx'), await res.body());
  const xml = execFileSync('unzip', ['-p', join(dir, 'minutes.docx'), 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return xml.replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => p.replace(/<[^>]+>/g, '') + '\n');
}

const summary = 'أكدت السيدة المديرة أن رقمنة الخدمات بلغت ستين في المائة.';
const spoken = 'إلى حدود اليوم تمت رقمنة ستين في المائة من الخدمات.';

test('summary minutes print the summary written, flag and name the missing one before approval, and can be switched to verbatim', async ({ page, request }) => {
  const t = messages.ar;
  server = await startServe();
  const created = await call<{ id: string }>(request, 'createMeeting', {
    fields: {
      title: 'لقاء تشاوري حول رقمنة الخدمات',
      type: 'consultation',
      date: '2026-11-12',
      noDecisionConfirmed: true,
      participants: [
        { id: 'p-fatima', name: 'فاطمة الزهراء بناني', gender: 'f', title: 'المديرة الجهوية', organisation: '' },
        { id: 'p-youssef', name: 'يوسف التازي', gender: 'm', title: 'رئيس قسم', organisation: '' },
      ],
      segments: [
        { id: 's-one', start: 10, end: 16, text: spoken, speakerId: 'p-fatima' },
        { id: 's-two', start: 75, end: 80, text: 'نقترح إحداث شباك رقمي موحد.', speakerId: 'p-youssef' },
      ],
    },
  });
  const id = created.id;
  await call(request, 'applyEdit', { meetingId: id, baseVersion: 0, edit: { type: 'writeSummary', kind: 'intervention', segmentIds: ['s-one'], text: summary } });

  await page.goto(server.url);
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: t.minutes }).click();
  const preview = page.getByRole('region', { name: t.preview });
  // The written summary, led by the speaker with the verb in her gender; the other flagged with its time.
  const written = preview.locator('[data-summary-of="intervention"][data-status="checked"]');
  await expect(written).toContainText(`تدخلت السيدة فاطمة الزهراء بناني، المديرة الجهوية: ${summary}`);
  const missing = preview.locator('[data-summary-of="intervention"][data-status="missing"]');
  await expect(missing).toContainText('تدخل السيد يوسف التازي، رئيس قسم:');
  await expect(missing.locator('mark')).toHaveText('[لا ملخص لهذا التدخل، 00:01:15]');
  // The words as spoken are in the annex.
  await expect(preview.getByRole('heading', { name: 'ملحق: التفريغ الحرفي للمداخلات' })).toBeVisible();
  await expect(preview.locator('.minutes-intervention', { hasText: spoken })).toBeVisible();
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: 'test-results/screens/summary-minutes.png', fullPage: true });

  const doc = await docxText(request, id);
  expect(doc).toContain(summary);
  expect(doc).toContain('[لا ملخص لهذا التدخل، 00:01:15]');
  expect(doc.indexOf(summary)).toBeLessThan(doc.indexOf('ملحق: التفريغ الحرفي للمداخلات'));
  expect(doc.indexOf(spoken)).toBeGreaterThan(doc.indexOf('ملحق: التفريغ الحرفي للمداخلات'));

  // Approval names the intervention without a summary, then goes through when confirmed.
  await page.getByRole('button', { name: t.approve }).click();
  const dialog = page.getByRole('dialog', { name: t.approve });
  await expect(dialog).toContainText('تدخلات بدون ملخص مراجع: 1 (بلا ملخص: 1، مسودات: 0، للمراجعة: 0)، عند 00:01:15');
  await dialog.getByRole('button', { name: t.cancel }).click();
  await expect(dialog).toBeHidden();

  // Verbatim minutes, chosen in the form: the words as spoken in the body, no summary, nothing to name.
  await page.getByRole('tab', { name: t.details }).click();
  const style = page.getByRole('combobox', { name: t.minutesStyle });
  await expect(style.locator('option:checked')).toHaveText(t.minutesStyleDefault.replace('{style}', t.minutesStyle_summary));
  await style.selectOption('verbatim');
  await expect.poll(async () => (await call<{ minutesStyle?: string }>(request, 'getMeeting', { id })).minutesStyle).toBe('verbatim');
  await page.getByRole('tab', { name: t.minutes }).click();
  await expect(preview.locator('.minutes-intervention-heading', { hasText: 'تدخلت السيدة فاطمة الزهراء بناني' })).toBeVisible();
  await expect(preview.locator('[data-summary-of]')).toHaveCount(0);
  expect((await call<{ interventionsWithoutSummary: unknown[] }>(request, 'approvalCheck', { meetingId: id })).interventionsWithoutSummary).toEqual([]);

  // Back to summary minutes, approved after the confirmation.
  await page.getByRole('tab', { name: t.details }).click();
  await style.selectOption('summary');
  await expect.poll(async () => (await call<{ minutesStyle?: string }>(request, 'getMeeting', { id })).minutesStyle).toBe('summary');
  await page.getByRole('tab', { name: t.minutes }).click();
  await expect(missing).toBeVisible();
  await page.getByRole('button', { name: t.approve }).click();
  await expect(dialog).toContainText('تدخلات بدون ملخص مراجع: 1');
  await dialog.getByRole('button', { name: t.approve }).click();
  await expect(page.locator('.meeting-page .toolbar .status')).toHaveText(t.status_approved);
});
