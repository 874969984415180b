// The minutes preview sets mixed-script text as the DOCX prints it: in French minutes, an Arabic
// clause is its own right-to-left isolated element, so the full stop that closes it stays at its
// left end instead of the browser's bidi algorithm moving it to the clause's right.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { messages } from '../../renderer/i18n/messages.ts';
import { startServe, type ServeProcess } from './serve.ts';

mkdirSync('test-results/screens', { recursive: true });

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const clause = 'وهي متاحة على مدار الساعة.';

async function createMeeting(request: APIRequestContext, fields: Record<string, unknown>): Promise<string> {
  const res = await request.post(`${server.origin}/api/createMeeting`, {
    data: { fields },
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  });
  const body = await res.json();
  expect(body.ok, JSON.stringify(body)).toBe(true);
  return body.value.id as string;
}

test('the preview of French minutes isolates an Arabic clause right to left, its full stop at its end', async ({ page, request }) => {
  server = await startServe();
  const id = await createMeeting(request, {
    title: 'Réunion du comité de pilotage',
    date: '2026-11-21',
    language: 'fr',
    participants: [{ id: 'p-jean', name: 'Jean Dupont', gender: 'm', title: 'Expert', organisation: 'France Services' }],
    segments: [{ id: 's-one', start: 0, end: 6, text: `Le guichet numérique est ouvert. ${clause} Merci à tous.`, speakerId: 'p-jean' }],
  });
  // The URL with the token first (it sets the cookie), then the meeting.
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: messages.ar.minutes }).click();
  const preview = page.getByRole('region', { name: messages.ar.preview });
  const paragraph = preview.locator('p', { hasText: 'Le guichet numérique est ouvert.' }).first();
  await expect(paragraph).toBeVisible();

  // The clause, and only it, in an element of its own, right to left and isolated.
  const isolated = paragraph.locator('bdi[dir="rtl"]');
  await expect(isolated).toHaveCount(1);
  await expect(isolated).toHaveText(clause);
  await expect(isolated).toHaveAttribute('lang', 'ar');
  const style = await isolated.evaluate((el) => ({ direction: getComputedStyle(el).direction, unicodeBidi: getComputedStyle(el).unicodeBidi }));
  expect(style).toEqual({ direction: 'rtl', unicodeBidi: 'isolate' });
  expect(await paragraph.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

  // Where the characters land: the closing full stop at the clause's left end (after its last
  // word, read right to left), the clause between the two French sentences.
  const x = await isolated.evaluate((el) => {
    const text = el.firstChild as Text;
    const at = (i: number) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect();
    };
    const n = text.data.length;
    const box = el.getBoundingClientRect();
    return { firstLetter: at(0).left, fullStop: at(n - 1).left, lastLetter: at(n - 2).left, left: box.left, right: box.right };
  });
  expect(x.fullStop).toBeLessThan(x.lastLetter);
  expect(x.fullStop).toBeLessThan(x.firstLetter);
  expect(x.fullStop - x.left).toBeLessThan(2);
  const before = await paragraph.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el.firstChild as Text);
    return r.getBoundingClientRect().right;
  });
  expect(x.left).toBeGreaterThanOrEqual(before);
  await paragraph.screenshot({ path: 'test-results/screens/minutes-preview-bidi-fr.png' });
});

/** The meeting as saved on disk. */
async function getMeeting(request: APIRequestContext, id: string) {
  const res = await request.post(`${server.origin}/api/getMeeting`, {
    data: { id },
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  });
  return (await res.json()).value as {
    annexes?: { title: string }[];
    decisions: {
      vote?: { kind: string; for?: number; against?: number; abstain?: number; voters?: Record<string, string[]> } | null;
      signatories?: { participantId: string; capacity?: string }[];
    }[];
  };
}

test('a council names its voters in the decisions panel, lists annexes in the form, and the minutes print both', async ({ page, request }) => {
  const t = messages.ar;
  server = await startServe();
  const id = await createMeeting(request, {
    title: 'الدورة العادية لشهر أكتوبر',
    type: 'council',
    date: '2026-10-20',
    participants: [
      { id: 'p-ahmed', name: 'أحمد بنعلي', gender: 'm', title: 'رئيس المجلس', organisation: '' },
      { id: 'p-fatima', name: 'فاطمة العلوي', gender: 'f', title: 'نائبة الرئيس', organisation: '' },
      { id: 'p-youssef', name: 'يوسف الإدريسي', gender: 'm', title: 'مستشار', organisation: '' },
      { id: 'p-nadia', name: 'نادية المنصوري', gender: 'f', title: 'مستشارة', organisation: '', attendance: 'absent' },
    ],
    segments: [{ id: 's-one', start: 0, end: 5, text: 'نعرض مشروع الميزانية للتصويت.', speakerId: 'p-ahmed' }],
    decisions: [
      { id: 'd-one', kind: 'decision', text: 'المصادقة على مشروع ميزانية سنة 2026', segmentIds: ['s-one'] },
      { id: 'd-two', kind: 'agreement', text: 'اتفاقية شراكة مع جمعية الحي', segmentIds: [] },
    ],
  });
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/meeting/${id}`);

  // The participants form speaks of each person in their gender.
  await expect(page.getByRole('combobox', { name: `${t.attendance} 4` })).toHaveValue('absent');
  await expect(page.getByRole('combobox', { name: `${t.attendance} 4` }).locator('option:checked')).toHaveText('غائبة');
  await expect(page.getByRole('combobox', { name: `${t.attendance} 1` }).locator('option:checked')).toHaveText('حاضر');

  // Two annexes, saved as typed.
  await page.getByRole('button', { name: t.addAnnex }).click();
  await page.getByRole('textbox', { name: t.annexItem.replace('{n}', '1') }).fill('محضر لجنة المالية');
  await page.getByRole('button', { name: t.addAnnex }).click();
  await page.getByRole('textbox', { name: t.annexItem.replace('{n}', '2') }).fill('جدول الاعتمادات');
  await expect.poll(async () => (await getMeeting(request, id)).annexes?.map((a) => a.title)).toEqual(['محضر لجنة المالية', 'جدول الاعتمادات']);

  // The vote: by counts, voters named (the council's way), counts taken from the names.
  await page.getByRole('tab', { name: 'المراجعة' }).click();
  const panel = page.locator('.decisions-panel');
  await panel.getByRole('button', { name: t.editItem }).first().click();
  await panel.getByRole('radio', { name: t.voteCounts }).check();
  await expect(panel.getByRole('checkbox', { name: t.voteNamed })).toBeChecked();
  // The absent member is not offered.
  await expect(panel.getByRole('combobox', { name: 'تصويت نادية المنصوري' })).toHaveCount(0);
  await panel.getByRole('combobox', { name: 'تصويت يوسف الإدريسي' }).selectOption('against');
  await panel.getByRole('button', { name: t.votersRestFor }).click();
  await expect(panel.getByRole('spinbutton', { name: t.voteFor })).toHaveValue('2');
  await expect(panel.getByRole('spinbutton', { name: t.voteAgainst })).toHaveValue('1');
  await expect(panel.getByRole('spinbutton', { name: t.voteAbstain })).toHaveValue('0');
  await page.screenshot({ path: 'test-results/screens/decisions-voters-ar.png', fullPage: true });
  await panel.getByRole('button', { name: t.decisionSave }).click();
  await expect.poll(async () => (await getMeeting(request, id)).decisions[0]!.vote).toEqual({
    kind: 'counts',
    for: 2,
    against: 1,
    abstain: 0,
    voters: { for: ['p-ahmed', 'p-fatima'], against: ['p-youssef'], abstain: [] },
  });
  await expect(panel).toContainText('صوت بالموافقة كل من: السيد أحمد بنعلي، السيدة فاطمة العلوي');

  // The agreement: who signs it, in what capacity.
  await panel.getByRole('button', { name: t.editItem }).nth(1).click();
  await panel.getByRole('button', { name: t.signatoryAdd }).click();
  await panel.getByRole('combobox', { name: t.signatoryPerson.replace('{n}', '1') }).selectOption({ label: 'فاطمة العلوي' });
  await panel.getByRole('textbox', { name: t.signatoryCapacity.replace('{n}', '1') }).fill('عن المجلس الجماعي');
  await page.screenshot({ path: 'test-results/screens/decisions-signatories-ar.png', fullPage: true });
  await panel.getByRole('button', { name: t.decisionSave }).click();
  await expect.poll(async () => (await getMeeting(request, id)).decisions[1]!.signatories).toEqual([{ participantId: 'p-fatima', capacity: 'عن المجلس الجماعي' }]);

  // The minutes preview prints the names under the counts, and the annexes in the closing.
  await page.getByRole('tab', { name: t.minutes }).click();
  const preview = page.getByRole('region', { name: t.preview });
  await expect(preview).toContainText('الموافقون: 2، المعارضون: 1، الممتنعون: 0');
  await expect(preview).toContainText('صوت بالرفض: السيد يوسف الإدريسي');
  // Then the transcript the summary minutes annex after the signatures.
  await expect(preview.locator('.minutes-section-closing ol li')).toHaveText(['محضر لجنة المالية', 'جدول الاعتمادات', 'التفريغ الحرفي للمداخلات']);
  await expect(preview.locator('.minutes-section-closing')).toContainText('المرفقات:');
  await expect(preview).toContainText('الموقعة:');
  await expect(preview).toContainText('السيدة فاطمة العلوي، عن المجلس الجماعي');
});
