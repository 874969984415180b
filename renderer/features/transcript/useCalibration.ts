// "Measure on this computer" as the service runs it (main/asr/calibration/): its state, read once
// and then followed through {type:'calibration'} events. Each model's speed appears in the list as
// soon as it is measured, and the recommendation with the last, so the models are read again then.
import { useEffect, useState } from 'react';
import type { CalibrationStatus, ModelInfo } from '../../../shared/api.ts';
import { client } from '../../api/client.ts';

export interface Calibration {
  calibration: CalibrationStatus | null;
  /** Saves the threads chosen in the form first: the measure runs with the settings' threads. */
  measure(threads: number): Promise<void>;
  stop(): void;
}

export function useCalibration(onModels: (models: ModelInfo[]) => void, onError: (e: unknown) => void): Calibration {
  const [calibration, setCalibration] = useState<CalibrationStatus | null>(null);

  useEffect(() => {
    client.api.getCalibration({}).then(setCalibration).catch(() => undefined);
    let measured = 0;
    return client.onEvent((e) => {
      if (e.type !== 'calibration') return;
      setCalibration(e.calibration);
      if (e.calibration.measured.length !== measured || e.calibration.status !== 'running') {
        measured = e.calibration.measured.length;
        client.api.listModels({}).then(onModels).catch(() => undefined);
      }
    });
  }, [onModels]);

  const measure = async (threads: number) => {
    try {
      await client.api.updateSettings({ settings: { threads } });
      setCalibration(await client.api.calibrateModels({}));
    } catch (e) {
      onError(e);
    }
  };

  const stop = () => void client.api.cancelCalibration({}).then(setCalibration).catch(onError);

  return { calibration, measure, stop };
}
