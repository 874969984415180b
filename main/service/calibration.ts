// "Measure on this computer" (main/asr/calibration/): start, cancel and read the run that times
// each installed model on the built-in speech sample.
import type { MahdarService } from '../../shared/api.ts';
import { calibrationsFor } from '../asr/calibration/calibrate.ts';
import type { ServiceContext } from '../context/context.ts';

export function calibrationCommands(ctx: ServiceContext): Pick<MahdarService, 'calibrateModels' | 'cancelCalibration' | 'getCalibration'> {
  const calibrations = calibrationsFor(ctx);
  return {
    calibrateModels: ({ modelIds }) => calibrations.start(modelIds),
    cancelCalibration: () => calibrations.cancel(),
    getCalibration: async () => calibrations.get(),
  };
}
