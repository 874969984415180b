// Table column widths of the DOCX come from the content (main/export/docx.ts): a column is never
// narrower than its longest word in the widest substitute font, so no word is cut in two.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingSchema } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import type { MinutesBlock } from '../../shared/minutes/model.ts';
import { tableColumnWidths, wordWidthTwips } from '../../main/export/docx.ts';

type TableBlock = Extract<MinutesBlock, { kind: 'table' }>;
const TEXT_WIDTH = 11906 - 2 * 1134;
const body = { sz: 24, szCs: 28 };
const decisions = (kind: string): TableBlock => ({
  kind: 'table',
  role: 'decisions',
  header: ['N°', 'Type', 'Texte', 'Responsable', 'Échéance'],
  rows: [['1', kind, 'Former 300 agents aux nouvelles plateformes numériques.', 'Agence', '31 décembre 2026']],
  widths: [7, 20, 41, 16, 16],
  signatureColumn: null,
  centered: [0],
});

describe('DOCX table column widths', () => {
  it('fit the longest word of each column in DejaVu Serif, the widest substitute, and fill the text width', () => {
    const w = tableColumnWidths(decisions('Recommandation'), 'ltr');
    expect(w.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    // "Recommandation" in DejaVu Serif at 12 pt is 8.85 em = 2124 twips, plus 160 of cell margins.
    expect(w[1]).toBeGreaterThanOrEqual(2124 + 160);
    // "Responsable", bold in the header: 7.05 em in DejaVu Serif Bold = 1692 twips.
    expect(w[3]).toBeGreaterThanOrEqual(1692 + 160);
    // The room comes from the wide text column; it stays the widest.
    expect(Math.max(...w)).toBe(w[2]);
  });

  it('keep the model widths where the words fit', () => {
    const block: TableBlock = { ...decisions('Action'), header: ['N°', 'Type', 'Texte', 'Qui', 'Quand'], rows: [['1', 'Action', 'Texte', 'Lui', 'Demain']] };
    expect(tableColumnWidths(block, 'ltr')).toEqual([674, 1927, 3953, 1542, 1542]);
  });

  it('keep the signature column wide enough to sign', () => {
    const block: TableBlock = {
      kind: 'table',
      role: 'attendance',
      header: ['N°', 'Nom et prénom', 'Qualité', 'Organisme', 'Signature'],
      rows: [['1', 'Jean Dupont', 'Expert', 'Agence française de développement', '']],
      widths: [7, 29, 26, 24, 14],
      signatureColumn: 4,
      centered: [0],
    };
    const w = tableColumnWidths(block, 'ltr');
    expect(w[4]).toBeGreaterThanOrEqual(Math.floor(0.14 * TEXT_WIDTH));
    expect(w[3]).toBeGreaterThanOrEqual(wordWidthTwips('développement', body, 'ltr') + 160);
  });

  it('size Arabic at the complex-script size and still fill the page when a word is longer than it', () => {
    expect(wordWidthTwips('التوقيع', body, 'rtl')).toBeGreaterThan(wordWidthTwips('abcdefg', body, 'ltr') * 0.8);
    const long = decisions('x'.repeat(200));
    const w = tableColumnWidths(long, 'ltr');
    expect(w.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(Math.max(...w)).toBe(w[1]);
  });

  it("give a decision's text the room and its one-word kind little, in every language", () => {
    const sample = meetingSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/meeting-sample/meeting.json'), 'utf8')));
    for (const language of ['ar', 'fr', 'en'] as const) {
      const minutes = buildMinutes(sample, language);
      const table = minutes.sections.flatMap((s) => s.blocks).find((b): b is TableBlock => b.kind === 'table' && b.role === 'decisions')!;
      const [, kind, text] = tableColumnWidths(table, minutes.direction);
      // The issue saw a one-word kind column take a fifth of the table while the text wrapped.
      // In French and English it is as wide as its longest word needs ("Recommandation", about a
      // quarter of the page); in Arabic the kind words are short and the column stays small.
      expect(text!, language).toBeGreaterThan(0.32 * TEXT_WIDTH);
      expect(Math.max(...tableColumnWidths(table, minutes.direction)), language).toBe(text);
      if (language === 'ar') expect(kind!).toBeLessThan(0.15 * TEXT_WIDTH);
    }
  });
});
