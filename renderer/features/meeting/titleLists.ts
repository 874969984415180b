// The form's two ordered lists of titles, as data for TitleListEditor: the words and limits that
// tell one from the other.
import { LIMITS } from '../../../shared/domain.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export interface TitleList {
  className: string;
  legend: MessageKey;
  /** Under the legend: what the list is for. */
  hint?: MessageKey;
  /** The accessible name of the n-th item (from 1), with {n}. */
  item: MessageKey;
  add: MessageKey;
  /** Prefix of new items' ids ('a' for agenda items). */
  idPrefix: string;
  /** Most items the list may hold (the schema's limit): the add button goes away there. */
  max: number;
}

/** Agenda items. */
export const agendaList: TitleList = { className: 'agenda', legend: 'agenda', item: 'agendaItem', add: 'addAgendaItem', idPrefix: 'a', max: LIMITS.agendaItems };

/**
 * The documents annexed to the minutes (المرفقات), by title and in order: the closing of the
 * minutes lists them numbered, and says nothing of annexes when there are none.
 */
export const annexList: TitleList = {
  className: 'agenda annexes',
  legend: 'annexes',
  hint: 'annexesHint',
  item: 'annexItem',
  add: 'addAnnex',
  idPrefix: 'x',
  max: LIMITS.annexes,
};
