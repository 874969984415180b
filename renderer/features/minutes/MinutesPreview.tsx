// The minutes on screen: the same MinutesModel the DOCX writer renders (main/export/docx.ts), laid
// out the same way, so what the secretary previews is what prints. Pure rendering: no API calls.
// Each block is drawn by MinutesBlock.tsx; the direction of its text by runs.tsx.
import type { MinutesModel } from '../../../shared/minutes/model.ts';
import { Block } from './MinutesBlock.tsx';
import { Runs } from './runs.tsx';
import './minutes.css';

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
