// The recording tab's marks, in Chromium with a fake microphone (a steady tone, no speech engine):
// at 1280x900 the floor buttons, D and N stay in view without scrolling while recording; an absent
// or excused member gets no button and no key; at D the decision's text is typed at once; "New
// recording…" names the marks it removes with the old recording, cancel keeps them, confirm
// removes them in one edit that undo gives back.
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { api, fakeInputs, openRecordingTab, startServeWithoutEngine, withFakeMic } from './recording-fakes.ts';
import type { ServeProcess } from './serve.ts';

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

interface SavedMeeting {
  marks?: { id: string; kind: string; at: number; participantId?: string; agendaItemId?: string; text?: string }[];
}

const person = (id: string, name: string, attendance: 'present' | 'absent' | 'excused' = 'present') => ({ id, name, gender: 'm', title: '', organisation: '', attendance });

/** A council of nine present members, with an absent one and an excused one among them. */
const council = {
  title: 'دورة المجلس',
  participants: [
    person('p-1', 'الرئيس'),
    person('p-absent', 'العضو الغائب', 'absent'),
    person('p-2', 'النائب الأول'),
    person('p-3', 'النائب الثاني'),
    person('p-excused', 'العضو المعتذر', 'excused'),
    ...['الكاتب', 'المقرر', 'عضو ثالث', 'عضو رابع', 'عضو خامس', 'عضو سادس'].map((name, i) => person(`p-${i + 4}`, name)),
  ],
  agenda: [
    { id: 'a-1', title: 'الميزانية' },
    { id: 'a-2', title: 'الطرق' },
  ],
};

const marksTitle = (page: Page) => page.getByRole('group', { name: 'الكلمة لـ' });

test('while recording at 1280x900 the floor buttons, D and N are in view; absent and excused members get no button or key; D takes the decision\'s text', async ({ playwright, request }) => {
  await withFakeMic(playwright, fakeInputs.tone(), async (page) => {
    server = await startServeWithoutEngine();
    const { id } = await api<{ id: string }>(server, request, 'createMeeting', { fields: council });
    await page.goto(server.url);
    await page.goto(`${server.origin}/#/meeting/${id}`);
    await page.getByRole('tab', { name: 'التسجيل' }).click();
    await page.getByRole('button', { name: 'بدء التسجيل' }).click();
    await expect(page.getByText('جارٍ التسجيل', { exact: true })).toBeVisible();

    const floor = marksTitle(page).getByRole('button');
    await expect(floor).toHaveCount(9);
    await expect(marksTitle(page).getByRole('button', { name: /الغائب|المعتذر/ })).toHaveCount(0);
    const controls = [...(await floor.all()), page.getByRole('button', { name: /قرار يُتّخذ الآن/ }), page.getByRole('button', { name: /النقطة الموالية/ })];
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const control of controls) {
      const box = await control.boundingBox();
      expect(box, (await control.textContent()) ?? '').not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, (await control.textContent()) ?? '').toBeLessThanOrEqual(900);
    }
    await page.screenshot({ path: 'test-results/screens/recording-marks-1280x900.png', fullPage: true });

    // Key 2 is the second member present (the absent one between them has no rank), key 3 the third.
    await page.keyboard.press('Digit2');
    await expect(marksTitle(page).getByRole('button', { name: /النائب الأول/ })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Digit3');
    await expect(marksTitle(page).getByRole('button', { name: /النائب الثاني/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('العلامات المحفوظة: 2')).toBeVisible();

    // D: the decision's text is typed at once, without leaving the tab; Enter saves it with the mark.
    await page.keyboard.press('KeyD');
    const decisionText = page.getByRole('textbox', { name: /نص القرار المتخذ عند/ });
    await expect(decisionText).toBeFocused();
    await expectNoA11yViolations(page, 'recording tab, nine members present, typing a decision');
    await page.keyboard.type('المصادقة على ميزانية 2027');
    await page.keyboard.press('Enter');
    await expect(decisionText).toHaveCount(0);
    // The marking keys work again once it is closed.
    await page.keyboard.press('Digit1');
    await expect(marksTitle(page).getByRole('button', { name: /الرئيس/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('العلامات المحفوظة: 4')).toBeVisible();
    await page.getByRole('button', { name: 'إنهاء التسجيل' }).click();
    await expect(page.getByText(/حُفظ التسجيل/)).toBeVisible({ timeout: 15_000 });
    const marks = (await api<SavedMeeting>(server, request, 'getMeeting', { id })).marks ?? [];
    expect(marks.filter((m) => m.kind === 'floor').map((m) => m.participantId)).toEqual(['p-2', 'p-3', 'p-1']);
    expect(marks.filter((m) => m.kind === 'decision').map((m) => m.text)).toEqual(['المصادقة على ميزانية 2027']);
  });
});

test('"New recording…" names the marks it removes; cancel keeps them, confirm removes them, undo gives them back', async ({ playwright, request }) => {
  await withFakeMic(playwright, fakeInputs.tone(), async (page) => {
    server = await startServeWithoutEngine();
    const id = await openRecordingTab(server, page, request);
    await page.getByRole('button', { name: 'بدء التسجيل' }).click();
    await expect(page.getByText('جارٍ التسجيل', { exact: true })).toBeVisible();
    await page.keyboard.press('Digit1');
    await page.keyboard.press('Digit2');
    await page.keyboard.press('KeyD');
    await expect(page.getByText('العلامات المحفوظة: 3')).toBeVisible();
    await page.getByRole('button', { name: 'إنهاء التسجيل' }).click();
    await expect(page.getByText(/حُفظ التسجيل/)).toBeVisible({ timeout: 15_000 });
    const before = await api<SavedMeeting>(server, request, 'getMeeting', { id });
    expect(before.marks).toHaveLength(3);

    // The dialog names the audio, the transcript and the marks that go.
    await page.getByRole('button', { name: 'تسجيل جديد…' }).click();
    const dialog = page.getByRole('dialog', { name: 'تسجيل جديد؟' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/يحلّ التسجيل الجديد محل تسجيل هذا الاجتماع \(0:\d\d\) ويحذف نصّه \(0 من المقاطع\)/);
    await expect(dialog).toContainText('علامات هذا التسجيل (3)');
    await expectNoA11yViolations(page, 'new recording dialog');
    await dialog.getByRole('button', { name: 'إلغاء' }).click();
    await expect(dialog).toBeHidden();
    expect((await api<SavedMeeting>(server, request, 'getMeeting', { id })).marks).toEqual(before.marks);

    // Confirmed: the marks go at once, and the new recording starts with no one on the floor.
    await page.getByRole('button', { name: 'تسجيل جديد…' }).click();
    await dialog.getByRole('button', { name: 'تسجيل جديد' }).click();
    await expect(page.getByText('جارٍ التسجيل', { exact: true })).toBeVisible();
    await expect(page.getByText('العلامات المحفوظة: 0')).toBeVisible();
    await expect(marksTitle(page).getByRole('button', { pressed: true })).toHaveCount(0);
    expect((await api<SavedMeeting>(server, request, 'getMeeting', { id })).marks ?? []).toEqual([]);
    await page.getByRole('button', { name: 'إنهاء التسجيل' }).click();
    await expect(page.getByText(/حُفظ التسجيل/)).toBeVisible({ timeout: 15_000 });

    // Undo (the review's, through the API) gives them back as they were.
    const state = await api<{ version: number; canUndo: boolean }>(server, request, 'getEditState', { meetingId: id });
    expect(state.canUndo).toBe(true);
    await api(server, request, 'undoEdit', { meetingId: id, baseVersion: state.version });
    expect((await api<SavedMeeting>(server, request, 'getMeeting', { id })).marks).toEqual(before.marks);
  });
});
