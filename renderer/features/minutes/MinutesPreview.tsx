// The minutes on screen: the same MinutesModel the DOCX writer renders (main/export/docx.ts), laid
// out the same way (letterhead beside the reference and date, bordered tables, signatures side by
// side), so what the secretary previews is what prints. Pure rendering: no API calls.
import type { CSSProperties, ReactNode } from 'react';
import type { Align, MinutesBlock, MinutesModel } from '../../../shared/minutes/model.ts';
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

/** The first letter of the text is Arabic (the rule of dir="auto", as firstStrongIsArabic in the DOCX writer). */
const ARABIC_FIRST = /^[^A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]*[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

function Block({ block, model }: { block: MinutesBlock; model: MinutesModel }): ReactNode {
  const dir = dirOf(model);
  switch (block.kind) {
    case 'letterhead':
      return (
        // An Arabic letterhead stays at the top right in French and English minutes too, as in the DOCX.
        <div className="minutes-letterhead" dir={model.direction === 'ltr' && ARABIC_FIRST.test(block.lines[0] ?? '') ? 'rtl' : undefined}>
          <div className="minutes-letterhead-lines">
            {block.lines.map((line, i) => (
              <div key={i} dir={dir} className={i < 2 ? 'minutes-strong' : undefined}>
                {line}
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
            {block.reference && <div dir={dir}>{block.reference}</div>}
            {block.date && <div className="minutes-pre-line" dir={dir}>{block.date}</div>}
          </div>
        </div>
      );
    case 'title':
      return (
        <header className="minutes-title">
          <h1>{block.text}</h1>
          {block.subtitle && <p className="minutes-subtitle">{block.subtitle}</p>}
        </header>
      );
    case 'paragraph':
      return (
        <p
          dir={block.align === 'center' ? undefined : dir}
          className={[alignClass[block.align], 'minutes-pre-line', block.bold ? 'minutes-strong' : '', block.size === 'small' ? 'minutes-small' : '']
            .filter(Boolean)
            .join(' ')}
        >
          {block.text}
        </p>
      );
    case 'agendaPoint':
      return (
        <h3 className="minutes-agenda-point" dir={dir} data-agenda-item={block.agendaItemId ?? undefined}>
          {block.heading}
        </h3>
      );
    case 'intervention':
      return (
        <div className="minutes-intervention" data-segments={block.segmentIds.join(' ')}>
          <p className="minutes-intervention-heading minutes-strong" dir={dir}>
            {block.heading}
          </p>
          {block.paragraphs.map((p, i) => (
            <p key={i} className="minutes-align-justify minutes-pre-line" dir={dir}>
              {p}
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
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r} className={block.signatureColumn !== null ? 'minutes-row-signature' : undefined}>
                {row.map((cell, c) => (
                  // pre-line: a cell may hold a second line (a decision's vote), as in the DOCX.
                  <td key={c} dir={dir} className={block.centered.includes(c) ? 'minutes-align-center minutes-pre-line' : 'minutes-pre-line'}>
                    {cell}
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
          {item}
        </li>
      ));
      return block.ordered ? <ol className="minutes-list">{items}</ol> : <ul className="minutes-list">{items}</ul>;
    }
    case 'signatures':
      return (
        <div className="minutes-signatures" style={{ '--minutes-signatures': block.blocks.length } as CSSProperties}>
          {block.blocks.map((b, i) => (
            <div key={i} className="minutes-signature">
              <div className="minutes-strong">{b.role}</div>
              <div>{b.name}</div>
              {b.title && <div className="minutes-small">{b.title}</div>}
              <div className="minutes-sign-space" />
              {b.stamp && <div className="minutes-small minutes-stamp">{b.stamp}</div>}
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
      {model.draftMark && <div className="minutes-draft-mark">{model.draftMark}</div>}
      {model.sections.map((section) => (
        <section
          key={section.id}
          className={`minutes-section minutes-section-${section.id}${section.pageBreakBefore ? ' minutes-page-break' : ''}`}
        >
          {section.title && <h2 className="minutes-heading">{section.title}</h2>}
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} model={model} />
          ))}
        </section>
      ))}
    </article>
  );
}

export default MinutesPreview;
