package io.kaihui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kaihui.e2e.Chromium;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The time stamp codec ({@code stamp-codec.js}) where it runs: in Chromium (no network needed).
 * Skipped loudly without Chromium; a failure then when {@code KAIHUI_REQUIRE_SERVICES} is true.
 */
class StampCodecTest {

  private static Chromium chromium;
  private static BenchTab tab;

  @BeforeAll
  static void start() throws Exception {
    if (!Chromium.available()) {
      Services.missing("Chromium (" + Chromium.EXECUTABLE + ") is not available; the stamp"
          + " codec runs in it");
    }
    chromium = Chromium.launch(null);
    tab = new BenchTab(chromium.browser(), -1, PageScripts.codec());
    tab.openBlank();
  }

  @AfterAll
  static void stop() {
    if (tab != null) {
      tab.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void crcIsCcittFalseOnTheCheckString() {
    // CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF): check value of "123456789" is 0x29B1.
    Object crc = tab.page().evaluate(
        "() => KaihuiStamp.crc16([...'123456789'].map(c => c.charCodeAt(0)))");
    assertThat(((Number) crc).intValue()).isEqualTo(0x29B1);
  }

  @Test
  void stampsReadBackFromFullAndScaledDownCanvases() {
    Object mismatches = tab.page().evaluate("""
        () => {
          const full = document.createElement('canvas');
          full.width = 640; full.height = 480;
          const g = full.getContext('2d');
          const small = document.createElement('canvas');
          small.width = 320; small.height = 240;
          const s = small.getContext('2d');
          const reader = KaihuiStamp.reader();
          let bad = 0;
          for (let i = 0; i < 300; i++) {
            const id = i % 16;
            const t = 1.7e12 + Math.random() * 1e11;
            g.fillStyle = `hsl(${i}, 50%, 50%)`;
            g.fillRect(0, 0, 640, 480);
            KaihuiStamp.draw(g, 640, 480, id, t);
            s.drawImage(full, 0, 0, 320, 240);
            const want = Math.floor(t * 10) % KaihuiStamp.MODULUS;
            for (const [c, w, h] of [[full, 640, 480], [small, 320, 240]]) {
              const got = reader.read(c, w, h);
              if (got === null || got.id !== id || got.units !== want) bad++;
            }
          }
          return bad;
        }
        """);
    assertThat(((Number) mismatches).intValue()).isZero();
  }

  @Test
  void everySingleBitErrorAndBlankFramesFailTheChecksum() {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) tab.page().evaluate("""
        () => {
          const bits = KaihuiStamp.bits(5, 17_000_000_000_123);
          let accepted = 0;
          for (let i = 0; i < 64; i++) {
            const flipped = bits.slice();
            flipped[i] ^= 1;
            if (KaihuiStamp.parse(flipped) !== null) accepted++;
          }
          return {
            good: KaihuiStamp.parse(bits),
            accepted,
            black: KaihuiStamp.parse(new Array(64).fill(0)),
            white: KaihuiStamp.parse(new Array(64).fill(1)),
          };
        }
        """);
    @SuppressWarnings("unchecked")
    Map<String, Number> good = (Map<String, Number>) result.get("good");
    assertThat(good.get("id").intValue()).isEqualTo(5);
    assertThat(good.get("units").longValue()).isEqualTo(17_000_000_000_123L % (1L << 44));
    assertThat(((Number) result.get("accepted")).intValue()).isZero();
    assertThat(result.get("black")).isNull();
    assertThat(result.get("white")).isNull();
  }

  @Test
  void latencyIsTheNearestDifferenceAcrossTheWrap() {
    @SuppressWarnings("unchecked")
    List<Number> latencies = (List<Number>) tab.page().evaluate("""
        () => {
          const m = KaihuiStamp.MODULUS;
          const now = (m + 50) / 10; // 5 ms after a wrap of the stamp units
          return [
            KaihuiStamp.latencyMs(m - 100, now),        // stamped 15 ms earlier, before the wrap
            KaihuiStamp.latencyMs(80, now),             // stamped 3 ms ahead (clock offset)
            KaihuiStamp.latencyMs(Math.floor(1.7e13) % m, 1.7e12 + 0.25),
          ];
        }
        """);
    assertThat(latencies.get(0).doubleValue()).isCloseTo(15.0, within(1e-6));
    assertThat(latencies.get(1).doubleValue()).isCloseTo(-3.0, within(1e-6));
    assertThat(latencies.get(2).doubleValue()).isCloseTo(0.25, within(1e-3));
  }

  @Test
  @Timeout(60)
  void stampsSurviveVp8AtLowBitrate() {
    // Encodes 40 stamped frames of a moving scene with the browser's VP8 encoder at 150 kbit/s
    // (at 320x240 too, as a sender under load scales down), decodes them and reads the stamps.
    @SuppressWarnings("unchecked")
    List<Number> counts = (List<Number>) tab.page().evaluate("""
        async () => {
          const out = [];
          for (const [w, h] of [[640, 480], [320, 240]]) {
            const canvas = new OffscreenCanvas(w, h);
            const g = canvas.getContext('2d');
            const reader = KaihuiStamp.reader();
            const want = [];
            let read = 0;
            const decoder = new VideoDecoder({
              output: (frame) => {
                const got = reader.read(frame, frame.displayWidth, frame.displayHeight);
                const expected = want[frame.timestamp];
                if (got !== null && got.id === expected.id && got.units === expected.units) read++;
                frame.close();
              },
              error: (e) => { throw e; },
            });
            decoder.configure({ codec: 'vp8' });
            const encoder = new VideoEncoder({
              output: (chunk) => decoder.decode(chunk),
              error: (e) => { throw e; },
            });
            encoder.configure({ codec: 'vp8', width: w, height: h, bitrate: 150_000,
              framerate: 30 });
            for (let i = 0; i < 40; i++) {
              g.fillStyle = `hsl(${i * 9}, 60%, 40%)`;
              g.fillRect(0, 0, w, h);
              g.fillStyle = '#ee3';
              g.beginPath();
              g.arc((i * 17) % w, h * 0.7, h / 8, 0, 2 * Math.PI);
              g.fill();
              const t = 1.76e12 + i * 33.37;
              KaihuiStamp.draw(g, w, h, i % 16, t);
              want[i] = { id: i % 16, units: Math.floor(t * 10) % KaihuiStamp.MODULUS };
              const frame = new VideoFrame(canvas, { timestamp: i });
              encoder.encode(frame, { keyFrame: i === 0 });
              frame.close();
            }
            await encoder.flush();
            await decoder.flush();
            out.push(read);
          }
          return out;
        }
        """);
    assertThat(counts).extracting(Number::intValue).containsExactly(40, 40);
  }
}
