// Direction in the preview, as the DOCX writer sets it. Mixed text is split into runs of one
// direction by the function the DOCX writer uses (shared/text/bidi.ts), and each run foreign to its
// paragraph is isolated in a <bdi> of its own direction: an Arabic clause in French minutes keeps
// its punctuation at its own ends, as printed, instead of the browser's bidi algorithm moving it
// across the clause.
import { Fragment, type ReactNode } from 'react';
import type { MinutesModel } from '../../../shared/minutes/model.ts';
import { bidiPieces, firstStrongIsArabic, paragraphDirection } from '../../../shared/text/bidi.ts';

/**
 * In a French or English document a paragraph that begins with Arabic runs right to left, as in
 * the DOCX; dir="auto" is the same first-strong-letter rule. Arabic documents are rtl throughout.
 */
export function dirOf(model: MinutesModel): 'auto' | undefined {
  return model.direction === 'ltr' ? 'auto' : undefined;
}

/**
 * For elements that carry no dir="auto" (titles, signatures): the direction, only where it is not
 * the document's, as the DOCX sets an Arabic title of French minutes right to left.
 */
export function ownDir(text: string, model: MinutesModel): 'rtl' | undefined {
  return model.direction === 'ltr' && firstStrongIsArabic(text) ? 'rtl' : undefined;
}

/**
 * Text as the DOCX writes it: line by line, the runs of the paragraph's own direction as plain
 * text, the others each in a <bdi> of their direction (Arabic ones marked as Arabic, for screen
 * readers). The paragraph's direction follows the same first-letter rule as its dir="auto".
 */
export function Runs({ text, model }: { text: string; model: MinutesModel }): ReactNode {
  const base = paragraphDirection(text, model.direction);
  return text.split('\n').map((line, i) => (
    <Fragment key={i}>
      {i > 0 && '\n'}
      {bidiPieces(line, base).map((p, j) =>
        p.rtl === (base === 'rtl') ? (
          p.text
        ) : (
          <bdi key={j} dir={p.rtl ? 'rtl' : 'ltr'} lang={p.rtl ? 'ar' : undefined}>
            {p.text}
          </bdi>
        ),
      )}
    </Fragment>
  ));
}
