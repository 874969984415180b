// The microphones the page can record from, and the one chosen (remembered on this computer).
import { useCallback, useEffect, useState } from 'react';
import { rememberDevice, rememberedDevice, type Phase } from './recorder.ts';

export interface Microphones {
  devices: MediaDeviceInfo[];
  /** The device the list shows: a remembered one that is gone (unplugged) falls back to the default (''). */
  shownDevice: string;
  /** The device chosen, even when it is not plugged in now. */
  deviceId: string;
  choose(id: string): void;
}

export function useMicrophones(phase: Phase): Microphones {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState(rememberedDevice);

  const listDevices = useCallback(() => {
    navigator.mediaDevices
      ?.enumerateDevices()
      .then((all) => setDevices(all.filter((d) => d.kind === 'audioinput' && d.deviceId !== 'default' && d.deviceId !== 'communications')))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    listDevices();
    navigator.mediaDevices?.addEventListener('devicechange', listDevices);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', listDevices);
  }, [listDevices]);
  // Device names are hidden until the microphone has been allowed once.
  useEffect(() => {
    if (phase === 'recording') listDevices();
  }, [phase, listDevices]);

  const choose = (id: string) => {
    setDeviceId(id);
    rememberDevice(id);
  };
  const shownDevice = devices.some((d) => d.deviceId === deviceId) ? deviceId : '';
  return { devices, shownDevice, deviceId, choose };
}
