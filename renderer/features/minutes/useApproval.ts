// Approve (freeze) and reopen (new revision). Before approving, the secretary sees what the minutes
// would state without anyone having established it (approvalItems.ts).
import { useState } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { approvalItems } from './approvalItems.ts';

export function useApproval(meetingId: string, onMeeting: (m: Meeting) => void, fail: (e: unknown) => void, clearError: () => void) {
  const { t, lang } = useI18n();
  /** The approval dialog, open with what is still untagged (empty when all is established). */
  const [confirmApprove, setConfirmApprove] = useState<string[] | null>(null);

  const askApprove = async () => {
    clearError();
    try {
      setConfirmApprove(approvalItems(await client.api.approvalCheck({ meetingId }), t, lang));
    } catch (e) {
      fail(e);
    }
  };

  const approve = async () => {
    setConfirmApprove(null);
    try {
      onMeeting(await client.api.approveMeeting({ meetingId }));
    } catch (e) {
      fail(e);
    }
  };

  const reopen = () => client.api.reopenMeeting({ meetingId }).then(onMeeting).catch(fail);

  return { confirmApprove, askApprove, approve, reopen, cancelApprove: () => setConfirmApprove(null) };
}
