// KaihuiProbe: reads the KaihuiStamp of every frame that any <video> of the page renders
// (requestVideoFrameCallback) and keeps, per frame, the sender id, now − stamp (ms) and the frame
// width. "now" is taken when the callback runs, so a callback that runs late (busy machine) counts
// against the latency: an upper bound of the time until the frame was on screen. Clocks are this
// page's; the benchmark corrects for the offset between pages.
(() => {
  const samples = [];
  let unreadable = 0;
  let reader = null;
  const watched = new WeakSet();

  function watch(video) {
    if (watched.has(video) || !('requestVideoFrameCallback' in video)) return;
    watched.add(video);
    const onFrame = (_, meta) => {
      const now = KaihuiStamp.now();
      if (reader === null) reader = KaihuiStamp.reader();
      const stamp = reader.read(video, video.videoWidth, video.videoHeight);
      if (stamp === null) {
        unreadable++;
      } else {
        samples.push([stamp.id, KaihuiStamp.latencyMs(stamp.units, now), meta.width]);
      }
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  }

  function scan() {
    document.querySelectorAll('video').forEach(watch);
  }

  new MutationObserver(scan).observe(document, { childList: true, subtree: true });
  globalThis.KaihuiProbe = {
    /** drain(): the samples since the last drain, and how many frames did not read. */
    drain() {
      scan();
      const out = { samples: samples.splice(0), unreadable };
      unreadable = 0;
      return out;
    },
  };
})();
