// Makes the page's camera the KaihuiCamera: getUserMedia answers video requests with the stamped
// canvas track and audio requests with the browser's (fake) microphone, or, when
// KAIHUI_BENCH.audio is false, with no audio track (as if there were no microphone).
(() => {
  const devices = navigator.mediaDevices;
  if (!devices || !devices.getUserMedia) return;
  const real = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const audio = constraints && constraints.audio && globalThis.KAIHUI_BENCH.audio;
    if (constraints && constraints.audio && !constraints.video && !audio) {
      throw new DOMException('no microphone in this benchmark', 'NotFoundError');
    }
    const stream = audio
      ? await real({ audio: constraints.audio })
      : new MediaStream();
    if (constraints && constraints.video) stream.addTrack(KaihuiCamera.track());
    return stream;
  };
})();
