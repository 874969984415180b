// One block of the minutes on screen, laid out as the DOCX writer lays it out (main/export/docx.ts):
// letterhead beside the reference and date, bordered tables, signatures side by side.
import type { CSSProperties, ReactNode } from 'react';
import type { Align, MinutesBlock, MinutesModel } from '../../../shared/minutes/model.ts';
import { dirOf, ownDir, Runs } from './runs.tsx';

type BlockOf<K extends MinutesBlock['kind']> = Extract<MinutesBlock, { kind: K }>;
interface BlockProps<K extends MinutesBlock['kind']> {
  block: BlockOf<K>;
  model: MinutesModel;
}

const alignClass: Record<Align, string> = {
  start: 'minutes-align-start',
  center: 'minutes-align-center',
  end: 'minutes-align-end',
  justify: 'minutes-align-justify',
};

function Letterhead({ block, model }: BlockProps<'letterhead'>) {
  const dir = dirOf(model);
  return (
    // An Arabic letterhead stays at the top right in French and English minutes too, as in the DOCX.
    <div className="minutes-letterhead" dir={ownDir(block.lines[0] ?? '', model)}>
      <div className="minutes-letterhead-lines">
        {block.lines.map((line, i) => (
          <div key={i} dir={dir} className={i < 2 ? 'minutes-strong' : undefined}>
            <Runs text={line} model={model} />
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
        {block.reference && (
          <div dir={dir}>
            <Runs text={block.reference} model={model} />
          </div>
        )}
        {block.date && (
          <div className="minutes-pre-line" dir={dir}>
            <Runs text={block.date} model={model} />
          </div>
        )}
      </div>
    </div>
  );
}

function Title({ block, model }: BlockProps<'title'>) {
  return (
    <header className="minutes-title">
      <h1 dir={ownDir(block.text, model)}>
        <Runs text={block.text} model={model} />
      </h1>
      {block.subtitle && (
        <p className="minutes-subtitle" dir={ownDir(block.subtitle, model)}>
          <Runs text={block.subtitle} model={model} />
        </p>
      )}
    </header>
  );
}

function Paragraph({ block, model }: BlockProps<'paragraph'>) {
  const classes = [alignClass[block.align], 'minutes-pre-line', block.bold ? 'minutes-strong' : '', block.size === 'small' ? 'minutes-small' : ''];
  return (
    <p dir={block.align === 'center' ? ownDir(block.text, model) : dirOf(model)} className={classes.filter(Boolean).join(' ')}>
      <Runs text={block.text} model={model} />
    </p>
  );
}

function AgendaPoint({ block, model }: BlockProps<'agendaPoint'>) {
  return (
    <h3 className="minutes-agenda-point" dir={dirOf(model)} data-agenda-item={block.agendaItemId ?? undefined}>
      <Runs text={block.heading} model={model} />
    </h3>
  );
}

function Intervention({ block, model }: BlockProps<'intervention'>) {
  const dir = dirOf(model);
  return (
    <div className="minutes-intervention" data-segments={block.segmentIds.join(' ')}>
      <p className="minutes-intervention-heading minutes-strong" dir={dir}>
        <Runs text={block.heading} model={model} />
      </p>
      {block.paragraphs.map((p, i) => (
        <p key={i} className="minutes-align-justify minutes-pre-line" dir={dir}>
          <Runs text={p} model={model} />
        </p>
      ))}
    </div>
  );
}

/**
 * A summary as the DOCX prints it: the lead in bold, the text, and the flag of one not checked,
 * highlighted (a missing summary is the flag alone, with the intervention's time).
 */
function SummaryParagraph({ block, model }: BlockProps<'summary'>) {
  return (
    <p
      className={`minutes-summary minutes-align-justify minutes-pre-line minutes-summary-${block.status}`}
      dir={dirOf(model)}
      data-summary-of={block.of}
      data-status={block.status}
      data-segments={block.segmentIds.join(' ') || undefined}
    >
      {block.lead && (
        <span className="minutes-strong">
          <Runs text={block.lead} model={model} />
        </span>
      )}
      {block.text && (
        <>
          {block.lead && ' '}
          <Runs text={block.text} model={model} />
        </>
      )}
      {block.flag && (
        <>
          {' '}
          <mark className="minutes-summary-flag">
            <Runs text={block.flag} model={model} />
          </mark>
        </>
      )}
    </p>
  );
}

/** A cell may hold more lines (a decision's vote, its voters, its signatories), as in the DOCX. */
function Cell({ text, centered, model }: { text: string; centered: boolean; model: MinutesModel }) {
  return (
    <td dir={dirOf(model)} className={centered ? 'minutes-align-center minutes-pre-line' : 'minutes-pre-line'}>
      {model.direction === 'ltr' && text.includes('\n') ? (
        // Each line its own direction, as the DOCX writes a cell's lines as paragraphs.
        text.split('\n').map((line, i) => (
          <div key={i} dir="auto">
            <Runs text={line} model={model} />
          </div>
        ))
      ) : (
        <Runs text={text} model={model} />
      )}
    </td>
  );
}

function Table({ block, model }: BlockProps<'table'>) {
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
            <th key={i}>
              <Runs text={h} model={model} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rows.map((row, n) => (
          <tr key={n} className={block.signatureColumn !== null ? 'minutes-row-signature' : undefined}>
            {row.map((cell, c) => (
              <Cell key={c} text={cell} centered={block.centered.includes(c)} model={model} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function List({ block, model }: BlockProps<'list'>) {
  const items = block.items.map((item, i) => (
    <li key={i} dir={dirOf(model)}>
      <Runs text={item} model={model} />
    </li>
  ));
  return block.ordered ? <ol className="minutes-list">{items}</ol> : <ul className="minutes-list">{items}</ul>;
}

function Signatures({ block, model }: BlockProps<'signatures'>) {
  return (
    <div className="minutes-signatures" style={{ '--minutes-signatures': block.blocks.length } as CSSProperties}>
      {block.blocks.map((b, i) => (
        <div key={i} className="minutes-signature">
          <div className="minutes-strong">
            <Runs text={b.role} model={model} />
          </div>
          <div dir={ownDir(b.name, model)}>
            <Runs text={b.name} model={model} />
          </div>
          {b.title && (
            <div className="minutes-small" dir={ownDir(b.title, model)}>
              <Runs text={b.title} model={model} />
            </div>
          )}
          <div className="minutes-sign-space" />
          {b.stamp && (
            <div className="minutes-small minutes-stamp">
              <Runs text={b.stamp} model={model} />
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

export function Block({ block, model }: { block: MinutesBlock; model: MinutesModel }): ReactNode {
  switch (block.kind) {
    case 'letterhead':
      return <Letterhead block={block} model={model} />;
    case 'title':
      return <Title block={block} model={model} />;
    case 'paragraph':
      return <Paragraph block={block} model={model} />;
    case 'agendaPoint':
      return <AgendaPoint block={block} model={model} />;
    case 'intervention':
      return <Intervention block={block} model={model} />;
    case 'summary':
      return <SummaryParagraph block={block} model={model} />;
    case 'table':
      return <Table block={block} model={model} />;
    case 'list':
      return <List block={block} model={model} />;
    case 'signatures':
      return <Signatures block={block} model={model} />;
  }
}
