import { useEffect, useState } from 'react';

/** The devices of each kind, as enumerateDevices lists them. */
export interface MediaDeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

const NONE: MediaDeviceLists = { cameras: [], microphones: [], speakers: [] };

/** splitDevices sorts enumerateDevices' answer by kind, dropping entries without a device id. */
export function splitDevices(devices: readonly MediaDeviceInfo[]): MediaDeviceLists {
  const usable = devices.filter((d) => d.deviceId !== '');
  return {
    cameras: usable.filter((d) => d.kind === 'videoinput'),
    microphones: usable.filter((d) => d.kind === 'audioinput'),
    speakers: usable.filter((d) => d.kind === 'audiooutput'),
  };
}

/**
 * useMediaDevices lists cameras, microphones and speakers, again when devices are plugged in or
 * out and whenever `refresh` changes (labels only appear once a device has been allowed).
 */
export function useMediaDevices(refresh: unknown): MediaDeviceLists {
  const [lists, setLists] = useState<MediaDeviceLists>(NONE);
  useEffect(() => {
    const devices = navigator.mediaDevices;
    if (devices?.enumerateDevices === undefined) return;
    let cancelled = false;
    const load = () => {
      devices
        .enumerateDevices()
        .then((all) => {
          if (!cancelled) setLists(splitDevices(all));
        })
        .catch(() => {
          if (!cancelled) setLists(NONE);
        });
    };
    load();
    devices.addEventListener?.('devicechange', load);
    return () => {
      cancelled = true;
      devices.removeEventListener?.('devicechange', load);
    };
  }, [refresh]);
  return lists;
}
