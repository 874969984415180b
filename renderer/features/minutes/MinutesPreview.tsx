// The minutes on screen: the same MinutesModel the DOCX writer renders (main/export/docx.ts), laid
// out the same way (letterhead beside the reference and date, bordered tables, signatures side by
// side), so what the secretary previews is what prints. Pure rendering: no API calls.
//
// Mixed text is split into runs of one direction by the function the DOCX writer uses
// (shared/text/bidi.ts), and each run foreign to its paragraph is isolated in a <bdi> of its own
// direction: an Arabic clause in French minutes keeps its punctuation at its own ends, as printed,
// instead of the browser's bidi algorithm moving it across the clause.
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import type { Align, MinutesBlock, MinutesModel } from '../../../shared/minutes/model.ts';
import { bidiPieces, firstStrongIsArabic, paragraphDirection } from '../../../shared/text/bidi.ts';
import './minutes.css';

const alignClass: Record<Align, string> = {
  start: 'minutes-align-start',
  center: 'minutes-align-center',
  end: 'minutes-align-end',
  justify: 'minutes-align-justify',
};

/**
 * In a French or English document a paragraph that begins with Arabic runs right to left, as in
 * the DOCX; dir="auto" is the same first-strong-letter rule. Arabic documents are rtl throughout.
 */
function dirOf(model: MinutesModel): 'auto' | undefined {
  return model.direction === 'ltr' ? 'auto' : undefined;
}

/**
 * Text as the DOCX writes it: line by line, the runs of the paragraph's own direction as plain
 * text, the others each in a <bdi> of their direction (Arabic ones marked as Arabic, for screen
 * readers). The paragraph's direction follows the same first-letter rule as its dir="auto".
 */
function Runs({ text, model }: { text: string; model: MinutesModel }): ReactNode {
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

/**
 * For elements that carry no dir="auto" (titles, signatures): the direction, only where it is not
 * the document's, as the DOCX sets an Arabic title of French minutes right to left.
 */
function ownDir(text: string, model: MinutesModel): 'rtl' | undefined {
  return model.direction === 'ltr' && firstStrongIsArabic(text) ? 'rtl' : undefined;
}

function Block({ block, model }: { block: MinutesBlock; model: MinutesModel }): ReactNode {
  const dir = dirOf(model);
  const r = (text: string) => <Runs text={text} model={model} />;
  switch (block.kind) {
    case 'letterhead':
      return (
        // An Arabic letterhead stays at the top right in French and English minutes too, as in the DOCX.
        <div className="minutes-letterhead" dir={ownDir(block.lines[0] ?? '', model)}>
          <div className="minutes-letterhead-lines">
            {block.lines.map((line, i) => (
              <div key={i} dir={dir} className={i < 2 ? 'minutes-strong' : undefined}>
                {r(line)}
              </div>
            ))}
          </div>
          <div className="minutes-letterhead-side">
            {block.logo && (
              <img
                className="minutes-logo"
                alt=""
                src={`data:${block.logo.mime};base64,${block.logo.base64}`}
                style={{ width: `${block.logo.widthPt}pt`, height: `${block.logo.heightPt}pt` }}
              />
            )}
            {block.reference && <div dir={dir}>{r(block.reference)}</div>}
            {block.date && (
              <div className="minutes-pre-line" dir={dir}>
                {r(block.date)}
              </div>
            )}
          </div>
        </div>
      );
    case 'title':
      return (
        <header className="minutes-title">
          <h1 dir={ownDir(block.text, model)}>{r(block.text)}</h1>
          {block.subtitle && (
            <p className="minutes-subtitle" dir={ownDir(block.subtitle, model)}>
              {r(block.subtitle)}
            </p>
          )}
        </header>
      );
    case 'paragraph':
      return (
        <p
          dir={block.align === 'center' ? ownDir(block.text, model) : dir}
          className={[alignClass[block.align], 'minutes-pre-line', block.bold ? 'minutes-strong' : '', block.size === 'small' ? 'minutes-small' : '']
            .filter(Boolean)
            .join(' ')}
        >
          {r(block.text)}
        </p>
      );
    case 'agendaPoint':
      return (
        <h3 className="minutes-agenda-point" dir={dir} data-agenda-item={block.agendaItemId ?? undefined}>
          {r(block.heading)}
        </h3>
      );
    case 'intervention':
      return (
        <div className="minutes-intervention" data-segments={block.segmentIds.join(' ')}>
          <p className="minutes-intervention-heading minutes-strong" dir={dir}>
            {r(block.heading)}
          </p>
          {block.paragraphs.map((p, i) => (
            <p key={i} className="minutes-align-justify minutes-pre-line" dir={dir}>
              {r(p)}
            </p>
          ))}
        </div>
      );
    case 'table':
      return (
        <table className={`minutes-table minutes-table-${block.role}`}>
          <colgroup>
            {block.widths.map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.header.map((h, i) => (
                <th key={i}>{r(h)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, n) => (
              <tr key={n} className={block.signatureColumn !== null ? 'minutes-row-signature' : undefined}>
                {row.map((cell, c) => (
                  // A cell may hold more lines (a decision's vote, its voters, its signatories), as in the DOCX.
                  <td key={c} dir={dir} className={block.centered.includes(c) ? 'minutes-align-center minutes-pre-line' : 'minutes-pre-line'}>
                    {model.direction === 'ltr' && cell.includes('\n')
                      ? // Each line its own direction, as the DOCX writes a cell's lines as paragraphs.
                        cell.split('\n').map((line, i) => (
                          <div key={i} dir="auto">
                            {r(line)}
                          </div>
                        ))
                      : r(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i} dir={dir}>
          {r(item)}
        </li>
      ));
      return block.ordered ? <ol className="minutes-list">{items}</ol> : <ul className="minutes-list">{items}</ul>;
    }
    case 'signatures':
      return (
        <div className="minutes-signatures" style={{ '--minutes-signatures': block.blocks.length } as CSSProperties}>
          {block.blocks.map((b, i) => (
            <div key={i} className="minutes-signature">
              <div className="minutes-strong">{r(b.role)}</div>
              <div dir={ownDir(b.name, model)}>{r(b.name)}</div>
              {b.title && (
                <div className="minutes-small" dir={ownDir(b.title, model)}>
                  {r(b.title)}
                </div>
              )}
              <div className="minutes-sign-space" />
              {b.stamp && <div className="minutes-small minutes-stamp">{r(b.stamp)}</div>}
            </div>
          ))}
        </div>
      );
  }
}

export function MinutesPreview({ model }: { model: MinutesModel }) {
  return (
    <article
      className={`minutes-page minutes-${model.direction}`}
      dir={model.direction}
      lang={model.properties.languageTag}
      aria-label={model.properties.title}
    >
      {model.draftMark && (
        <div className="minutes-draft-mark">
          <Runs text={model.draftMark} model={model} />
        </div>
      )}
      {model.sections.map((section) => (
        <section
          key={section.id}
          className={`minutes-section minutes-section-${section.id}${section.pageBreakBefore ? ' minutes-page-break' : ''}`}
        >
          {section.title && (
            <h2 className="minutes-heading">
              <Runs text={section.title} model={model} />
            </h2>
          )}
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} model={model} />
          ))}
        </section>
      ))}
    </article>
  );
}

export default MinutesPreview;
