// KaihuiJoin: on this page's clock (ms, performance.now()), when "Join meeting" was clicked, when
// the meeting showed "connected", and when the first frame of a remote participant's video was
// rendered (requestVideoFrameCallback on a <video> inside a remote tile).
(() => {
  const times = { click: null, connected: null, firstRemoteFrame: null };
  const watched = new WeakSet();

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (times.click === null && button && button.textContent.includes('Join meeting')) {
      times.click = performance.now();
    }
  }, true);

  function scan() {
    if (times.connected === null && document.querySelector('[role=status][data-state=connected]')) {
      times.connected = performance.now();
    }
    const videos = document.querySelectorAll(
      '[role=group][data-participant-id]:not([data-local=true]) video');
    for (const video of videos) {
      if (watched.has(video)) continue;
      watched.add(video);
      video.requestVideoFrameCallback(() => {
        if (times.firstRemoteFrame === null) times.firstRemoteFrame = performance.now();
      });
    }
  }

  new MutationObserver(scan).observe(document, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'],
  });
  globalThis.KaihuiJoin = {
    times() {
      scan();
      return times;
    },
  };
})();
