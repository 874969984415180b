// "Measure on this computer" (main/asr/calibration/): start, cancel and read the run that times
// each installed model on the built-in speech sample.
import type { MahdarService } from '../../shared/api.ts';
import type { Calibrations } from '../asr/calibration/calibrate.ts';

export function calibrationCommands(calibrations: Calibrations): Pick<MahdarService, 'calibrateModels' | 'cancelCalibration' | 'getCalibration'> {
  return {
    calibrateModels: ({ modelIds }) => calibrations.start(modelIds),
    cancelCalibration: () => calibrations.cancel(),
    getCalibration: async () => calibrations.get(),
  };
}
