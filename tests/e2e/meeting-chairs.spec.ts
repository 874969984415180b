// The form's chairs: a meeting saved with one chair shows it as the first row; the secretary adds a
// co-chair, names her, sets her title and honorific, moves her first; the meeting keeps the list in
// order (and its first chair in the older fields), and the minutes preview names both in the
// opening and gives each a signature block.
import { expect, test } from '@playwright/test';
import { messages } from '../../renderer/i18n/messages.ts';
import { apiCall, startServe, type ServeProcess } from './serve.ts';

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

interface Saved {
  chair: string;
  chairGender?: string;
  chairs?: { name: string; title?: string; gender?: string }[];
}

test('adds a co-chair, moves her first, and the minutes name both chairs and give each a signature', async ({ page, request }) => {
  const t = messages.ar;
  const item = (n: number) => t.chairItem.replace('{n}', String(n));
  server = await startServe();
  const { id } = await apiCall<{ id: string }>(request, server, 'createMeeting', {
    fields: {
      title: 'اللقاء التشاوري حول الماء',
      date: '2026-11-21',
      chair: 'محمد العلمي',
      chairGender: 'm',
      participants: [{ id: 'p-alami', name: 'محمد العلمي', gender: 'm', title: 'والي الجهة', organisation: '' }],
    },
  });
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/meeting/${id}`);

  // The one chair of the older fields is the first row; its title comes from the participants list.
  // (A name field offers the people of earlier meetings: a combobox.)
  const chairs = page.getByRole('group', { name: t.chairs });
  await expect(chairs.getByRole('combobox', { name: `${t.chairName}: ${item(1)}` })).toHaveValue('محمد العلمي');
  await expect(chairs.getByRole('textbox', { name: `${t.chairTitle}: ${item(1)}` })).toHaveAttribute('placeholder', 'والي الجهة');

  // He chairs, so his attendance is present and cannot be changed; the form says why.
  const attendance = page.getByRole('combobox', { name: `${t.attendance} 1` });
  await expect(attendance).toBeDisabled();
  await expect(attendance.locator('option:checked')).toHaveText(t.attendance_present);
  await expect(attendance).toHaveAccessibleDescription(t.attendance_chairHint);

  await chairs.getByRole('button', { name: t.addCoChair }).click();
  await chairs.getByRole('combobox', { name: `${t.chairName}: ${item(2)}` }).fill('نادية الفاسي');
  await chairs.getByRole('textbox', { name: `${t.chairTitle}: ${item(2)}` }).fill('وزيرة الانتقال الطاقي');
  await chairs.getByRole('combobox', { name: `${t.chairGenderOf}: ${item(2)}` }).selectOption('f');
  await chairs.getByRole('button', { name: `${t.moveUp}: ${item(2)}` }).click();
  await expect(chairs.getByRole('combobox', { name: `${t.chairName}: ${item(1)}` })).toHaveValue('نادية الفاسي');

  await expect
    .poll(async () => {
      const m = await apiCall<Saved>(request, server, 'getMeeting', { id });
      return [m.chair, m.chairGender, m.chairs?.map((c) => [c.name, c.title ?? '', c.gender])];
    })
    .toEqual([
      'نادية الفاسي',
      'f',
      [
        ['نادية الفاسي', 'وزيرة الانتقال الطاقي', 'f'],
        ['محمد العلمي', '', 'm'],
      ],
    ]);

  await page.getByRole('tab', { name: t.minutes }).click();
  const preview = page.getByRole('region', { name: t.preview });
  await expect(preview).toContainText('برئاسة السيدة نادية الفاسي، وزيرة الانتقال الطاقي، رفقة السيد محمد العلمي، والي الجهة');
  await expect(preview.locator('.minutes-signature .minutes-strong')).toHaveText(['الرئيسة المشاركة للجلسة', 'الرئيس المشارك للجلسة', 'كاتب الجلسة']);

  // Removing the co-chair leaves one chair, who signs as رئيس الجلسة again.
  await page.getByRole('tab', { name: t.details }).click();
  await chairs.getByRole('button', { name: `${t.remove}: ${item(1)}` }).click();
  await expect.poll(async () => (await apiCall<Saved>(request, server, 'getMeeting', { id })).chairs?.map((c) => c.name)).toEqual(['محمد العلمي']);
  await page.getByRole('tab', { name: t.minutes }).click();
  await expect(preview.locator('.minutes-signature .minutes-strong')).toHaveText(['رئيس الجلسة', 'كاتب الجلسة']);
});
