// The page and type sizes of the minutes' DOCX, shared by the writer and the column widths.

/** Page geometry: A4, 2 cm margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1134, headerFooter: 567 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Half-points. Arabic is set a little larger than Latin: Naskh faces are small on the body. */
export const SIZES = {
  body: { sz: 24, szCs: 28 },
  small: { sz: 20, szCs: 22 },
  heading: { sz: 28, szCs: 32 },
  title: { sz: 32, szCs: 36 },
};

/** Left and right margin of a table cell, in twips. */
export const CELL_MARGIN = 80;
/** Room for rounding in the renderer's line breaking (2 pt). */
export const WIDTH_SLACK = 40;
