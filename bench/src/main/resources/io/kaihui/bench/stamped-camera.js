// KaihuiCamera: a 640x480 canvas "camera" that draws a moving scene and, just before each frame is
// captured, this page's clock as a KaihuiStamp. Frames are pushed with requestFrame() at a fixed
// rate, so the stamp is the capture time. globalThis.KAIHUI_BENCH is {id, fps, audio} (set by
// the benchmark before this script). pause()/resume() stop and restart the frames.
(() => {
  const WIDTH = 640;
  const HEIGHT = 480;
  const config = globalThis.KAIHUI_BENCH || { id: 0, fps: 30, audio: true };
  let source = null;
  let paused = false;
  let frame = 0;

  function scene(ctx) {
    // Something for the encoder to work on below the stamp band: a drifting gradient, moving
    // discs and a frame counter.
    const t = frame / config.fps;
    const g = ctx.createLinearGradient(0, HEIGHT / 3, WIDTH, HEIGHT);
    g.addColorStop(0, `hsl(${(t * 40) % 360}, 60%, 45%)`);
    g.addColorStop(1, `hsl(${(t * 40 + 180) % 360}, 60%, 35%)`);
    ctx.fillStyle = g;
    ctx.fillRect(0, HEIGHT / 3, WIDTH, (HEIGHT * 2) / 3);
    for (let i = 0; i < 6; i++) {
      const x = WIDTH / 2 + Math.cos(t * (0.7 + i * 0.3) + i) * (WIDTH / 2 - 40);
      const y = (HEIGHT * 2) / 3 + Math.sin(t * (1.1 + i * 0.2) + i) * (HEIGHT / 3 - 40);
      ctx.fillStyle = `hsl(${i * 60}, 80%, 60%)`;
      ctx.beginPath();
      ctx.arc(x, y, 30, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = '#fff';
    ctx.font = '28px sans-serif';
    ctx.fillText(`participant ${config.id} · frame ${frame}`, 20, HEIGHT - 24);
  }

  function start() {
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const ctx = canvas.getContext('2d');
    const stream = canvas.captureStream(0);
    const track = stream.getVideoTracks()[0];
    const interval = 1000 / config.fps;
    let next = performance.now();
    const tick = () => {
      if (!paused) {
        scene(ctx);
        KaihuiStamp.draw(ctx, WIDTH, HEIGHT, config.id, KaihuiStamp.now());
        track.requestFrame();
        frame++;
      }
      next += interval;
      const wait = next - performance.now();
      if (wait < -interval) next = performance.now(); // fell behind (busy machine): skip ahead
      setTimeout(tick, Math.max(0, wait));
    };
    tick();
    return track;
  }

  globalThis.KaihuiCamera = {
    /** track(): a new clone of the camera track (stopping it leaves the camera running). */
    track() {
      if (source === null) source = start();
      return source.clone();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
  };
})();
