// The documents annexed to the minutes (المرفقات), by title and in order: the closing of the
// minutes lists them numbered, and says nothing of annexes when there are none.
import { LIMITS, type Annex } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { TitleListEditor } from './TitleListEditor.tsx';

export function AnnexesEditor(props: { value: Annex[]; onChange(next: Annex[]): void; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <TitleListEditor
      {...props}
      className="agenda annexes"
      legend={t('annexes')}
      hint={t('annexesHint')}
      itemLabel={(n) => t('annexItem', { n })}
      addLabel={t('addAnnex')}
      idPrefix="x"
      max={LIMITS.annexes}
    />
  );
}
