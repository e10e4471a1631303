/**
 * Ringer plays a phone ring (two short tones every 2 s) with Web Audio, as long as it is
 * started; it is silent where the page may not play sound yet (no user gesture).
 */
export class Ringer {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** start rings: `incoming` at a higher pitch than the ringback of my own call. */
  start(incoming: boolean): void {
    if (this.timer !== null || typeof AudioContext === 'undefined') return;
    try {
      this.context = new AudioContext();
    } catch {
      return;
    }
    const ring = () => {
      const ctx = this.context;
      if (ctx === null) return;
      for (const at of [0, 0.4]) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = incoming ? 880 : 440;
        gain.gain.setValueAtTime(0.0001, ctx.currentTime + at);
        gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.3);
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + at);
        osc.stop(ctx.currentTime + at + 0.32);
      }
    };
    ring();
    this.timer = setInterval(ring, 2000);
  }

  /** stop ends the ringing. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}
