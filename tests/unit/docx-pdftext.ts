// Reading pdftotext output of right-to-left pages back in logical order (helper of docx-render.test.ts).

/**
 * pdftotext gives right-to-left lines in logical order, each inside RLE…PDF, with every
 * left-to-right stretch (a number, a Latin name) inside LRE…PDF. Inside such a stretch the text
 * is in visual order: the core (from its first to its last letter or digit) reads right, but the
 * neutral characters around it (spaces, colons, commas) sit on the wrong sides, reversed. Putting
 * them back gives the logical text, which the assertions compare with what was written.
 */
export function logical(text: string): string {
  const fix = (_: string, inner: string) => {
    const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(inner)!;
    const rev = (s: string) => [...s].reverse().join('');
    return rev(m[3]!) + m[2] + rev(m[1]!);
  };
  return text
    .replace(/\u202A([^\u202A-\u202E]*)\u202C/g, fix)
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '')
    .replace(/[ \t]+/g, ' ');
}

export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/**
 * Words of one page from `pdftotext -bbox`, with their boxes in points. pdftotext writes Arabic
 * words in visual order (reversed); they are turned back so they can be looked up as written.
 */
export function parseBbox(html: string): { width: number; words: PdfWord[] } {
  const width = Number(/<page width="([\d.]+)"/.exec(html)?.[1] ?? 0);
  const words: PdfWord[] = [];
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    let text = decode(m[4]!);
    if (/[\u0600-\u06FF]/.test(text)) text = [...text].reverse().join('');
    words.push({ text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) });
  }
  return { width, words };
}
