// KaihuiPeers: records every RTCPeerConnection of the page and snapshots its inbound streams.
(() => {
  const Original = window.RTCPeerConnection;
  const pcs = [];
  window.RTCPeerConnection = class extends Original {
    constructor(...args) {
      super(...args);
      pcs.push(this);
    }
  };
  globalThis.KaihuiPeers = {
    /** inbound(): one row of cumulative counters per inbound audio or video stream. */
    async inbound() {
      const out = [];
      for (const pc of pcs) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((s) => {
          if (s.type !== 'inbound-rtp') return;
          out.push({
            kind: s.kind,
            ssrc: String(s.ssrc),
            framesDecoded: s.framesDecoded || 0,
            framesDropped: s.framesDropped || 0,
            bytesReceived: s.bytesReceived || 0,
            packetsLost: s.packetsLost || 0,
            width: s.frameWidth || 0,
            height: s.frameHeight || 0,
            jitterBufferDelay: s.jitterBufferDelay || 0,
            jitterBufferTargetDelay: s.jitterBufferTargetDelay || 0,
            jitterBufferMinimumDelay: s.jitterBufferMinimumDelay || 0,
            jitterBufferEmittedCount: s.jitterBufferEmittedCount || 0,
            totalDecodeTime: s.totalDecodeTime || 0,
            nackCount: s.nackCount || 0,
          });
        });
      }
      return out;
    },
  };
})();
