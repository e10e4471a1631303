// KaihuiDirect: one end of a plain browser-to-browser call (no server in the media path): the
// KaihuiCamera track and the fake microphone (unless KAIHUI_BENCH.audio is false) on one
// RTCPeerConnection in one stream (so the receiver synchronises them, as in a meeting), VP8
// only; the remote video and my own preview in <video> elements, the remote sound played by an
// <audio> element as the Kaihui client does. The benchmark carries the SDP between the pages.
(() => {
  let pc = null;

  function mediaElement(kind, stream, label) {
    const element = document.createElement(kind);
    element.autoplay = true;
    if (kind === 'video') {
      element.muted = true;
      element.playsInline = true;
      element.width = 640;
      element.height = 480;
    }
    element.dataset.label = label;
    element.srcObject = stream;
    document.body.append(element);
    element.play().catch(() => {});
  }

  async function gathered() {
    if (pc.iceGatheringState === 'complete') return;
    await new Promise((resolve) => {
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') resolve();
      });
    });
  }

  async function open() {
    pc = new RTCPeerConnection();
    const video = KaihuiCamera.track();
    const local = new MediaStream([video]);
    if (globalThis.KAIHUI_BENCH.audio) {
      const audio = await navigator.mediaDevices.getUserMedia({ audio: true });
      local.addTrack(audio.getAudioTracks()[0]);
    }
    mediaElement('video', new MediaStream([video]), 'local');
    local.getTracks().forEach((t) => pc.addTrack(t, local));
    const vp8 = RTCRtpReceiver.getCapabilities('video').codecs
      .filter((c) => c.mimeType === 'video/VP8' || c.mimeType === 'video/rtx');
    pc.getTransceivers()
      .filter((t) => t.sender.track && t.sender.track.kind === 'video')
      .forEach((t) => t.setCodecPreferences(vp8));
    pc.ontrack = (event) => {
      mediaElement(event.track.kind, new MediaStream([event.track]), 'remote');
    };
  }

  globalThis.KaihuiDirect = {
    /** offer(): the complete offer SDP (all candidates gathered). */
    async offer() {
      await open();
      await pc.setLocalDescription(await pc.createOffer());
      await gathered();
      return pc.localDescription.sdp;
    },
    /** answer(offerSdp): the complete answer SDP. */
    async answer(sdp) {
      await open();
      await pc.setRemoteDescription({ type: 'offer', sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await gathered();
      return pc.localDescription.sdp;
    },
    /** accept(answerSdp): completes the offerer's side. */
    async accept(sdp) {
      await pc.setRemoteDescription({ type: 'answer', sdp });
    },
    /** state(): the connection state. */
    state() {
      return pc === null ? 'none' : pc.connectionState;
    },
  };
})();
