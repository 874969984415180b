// The on-screen preview renders the same model as the DOCX: every heading, table and text.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { MinutesPreview } from '../../renderer/features/minutes/MinutesPreview.tsx';
import { summarised } from './minutes-summary-fixture.ts';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
const html = (lang: 'ar' | 'fr' | 'en') => renderToStaticMarkup(createElement(MinutesPreview, { model: buildMinutes(sample, lang) }));
/** The text a reader sees: the markup without its tags (runs of the other direction are <bdi> elements). */
const plain = (markup: string) => markup.replace(/<[^>]+>/g, '');

describe('MinutesPreview', () => {
  it('renders Arabic minutes right to left with every section, table and intervention', () => {
    const out = html('ar');
    expect(out).toMatch(/^<article class="minutes-page minutes-rtl" dir="rtl" lang="ar-MA"/);
    const model = buildMinutes(sample, 'ar');
    for (const s of model.sections) if (s.title) expect(out).toContain(`<h2 class="minutes-heading">${s.title}</h2>`);
    expect(out.match(/<table class="minutes-table/g)).toHaveLength(3);
    expect(out).toContain('<th>التوقيع</th>');
    expect(plain(out)).toContain('تدخل السيد Jean Dupont، خبير في الإدارة الإلكترونية:');
    // The Latin name is isolated left to right inside the Arabic heading, as its own run in the DOCX.
    expect(out).toContain('تدخل السيد <bdi dir="ltr">Jean Dupont</bdi>، خبير');
    expect(out).toContain('<col style="width:7%"/>');
    expect(out).not.toContain('dir="auto"');
    // Every segment's text appears (proceedings and annex); React escapes what needs escaping.
    for (const seg of sample.segments) expect(plain(out)).toContain(seg.text.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
  });

  it('renders French minutes left to right, with Arabic paragraphs on their own direction', () => {
    const out = html('fr');
    expect(out).toMatch(/^<article class="minutes-page minutes-ltr" dir="ltr" lang="fr-FR"/);
    expect(out).toContain('<h1>Procès-verbal</h1>');
    expect(out).toContain('dir="auto"');
  });

  it('shows summary minutes as the DOCX prints them: the lead in bold, the text, the flag of an unchecked summary marked', () => {
    const out = renderToStaticMarkup(createElement(MinutesPreview, { model: buildMinutes(summarised(), 'ar') }));
    expect(out).toContain(
      '<span class="minutes-strong">تدخلت السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي:</span> قدمت حصيلة رقمنة الخدمات ونبهت إلى ضعف التغطية في الجماعات القروية.</p>',
    );
    expect(out).toContain('اقترح إحداث شباك رقمي موحد وتكوين الموظفين. <mark class="minutes-summary-flag">[مسودة لم يراجعها الكاتب]</mark>');
    expect(out).toContain('رئيسة مصلحة الحالة المدنية:</span> <mark class="minutes-summary-flag">[لا ملخص لهذا التدخل، 00:02:40]</mark>');
    expect(out.match(/data-status="missing"/g)).toHaveLength(8);
    expect(out).toContain('<h2 class="minutes-heading">ملحق: التفريغ الحرفي للمداخلات</h2>');
  });

  it('escapes text and shows the logo as a data URL', () => {
    const model = buildMinutes({ ...sample, title: '<script>alert(1)</script>' }, 'ar', {
      logo: { mime: 'image/png', base64: 'AAAA', widthPt: 40, heightPt: 40 },
    });
    const out = renderToStaticMarkup(createElement(MinutesPreview, { model }));
    expect(out).not.toContain('<script>');
    expect(out).toContain('src="data:image/png;base64,AAAA"');
  });

  it('writes standalone HTML pages as artefacts (test-results/minutes/preview-*.html)', () => {
    const css = readFileSync(join(root, 'renderer/features/minutes/minutes.css'), 'utf8');
    const dir = join(root, 'test-results/minutes');
    mkdirSync(dir, { recursive: true });
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const page = `<!doctype html><meta charset="utf-8"><title>${lang}</title><style>${css}\nbody{background:#ccc;margin:0;padding:10px}</style>${html(lang)}`;
      const file = join(dir, `preview-${lang}.html`);
      writeFileSync(file, page);
      const written = readFileSync(file, 'utf8');
      // The page is the preview in its language, styled by minutes.css alone: every class it uses is
      // one of the preview's own, and it loads nothing from outside (a logo comes as a data URL).
      expect(written).toContain(`dir="${lang === 'ar' ? 'rtl' : 'ltr'}" lang="${buildMinutes(sample, lang).properties.languageTag}"`);
      const classes = [...written.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(' '));
      expect(classes.length).toBeGreaterThan(0);
      expect(classes.filter((c) => !c.startsWith('minutes-'))).toEqual([]);
      expect(written.match(/\b(?:src|href)="(?!data:)[^"]*"|url\((?!["']?data:)|@import/g)).toBeNull();
    }
  });
});
