// The drafting settings (source by default, endpoint, draft after each full pass) as main keeps
// them: read when the card opens and after a reconnection, saved one change at a time. main
// refuses an endpoint that is not on this computer: the change is then not kept.
import { useEffect, useState } from 'react';
import type { DraftingSettings } from '../../../shared/drafting.ts';
import { client } from '../../api/client.ts';
import { useConnection } from '../../api/useConnection.ts';

export interface DraftingSettingsState {
  /** null until read (or while main cannot say). */
  settings: DraftingSettings | null;
  /** Saves a change; false (and onError told) when main refused it. */
  save(patch: Partial<DraftingSettings>): Promise<boolean>;
}

export function useDraftingSettings(onError: (e: unknown) => void): DraftingSettingsState {
  const { reconnections } = useConnection();
  const [settings, setSettings] = useState<DraftingSettings | null>(null);

  useEffect(() => {
    client.api.getDraftingSettings({}).then(setSettings).catch(onError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reconnections]);

  const save = async (patch: Partial<DraftingSettings>) => {
    try {
      setSettings(await client.api.updateDraftingSettings({ settings: patch }));
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  };

  return { settings, save };
}
