// Agenda items, reorderable with buttons or Alt+Up / Alt+Down while an item has focus.
import { LIMITS, type AgendaItem } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { TitleListEditor } from './TitleListEditor.tsx';

export function AgendaEditor(props: { value: AgendaItem[]; onChange(next: AgendaItem[]): void; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <TitleListEditor
      {...props}
      className="agenda"
      legend={t('agenda')}
      itemLabel={(n) => t('agendaItem', { n })}
      addLabel={t('addAgendaItem')}
      idPrefix="a"
      max={LIMITS.agendaItems}
    />
  );
}
