package io.kaihui.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.protocol.LoginRequest;
import io.kaihui.protocol.ProfileUpdate;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

  private final RequestBodies bodies = new RequestBodies();

  private <T> T parse(String json, Class<T> type) {
    return bodies.parse(json.getBytes(StandardCharsets.UTF_8), type);
  }

  private void refused(String json, Class<?> type) {
    assertThatThrownBy(() -> parse(json, type)).as(json)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("bad_request");
          assertThat(e.getMessage()).doesNotContain("hunter2");
        });
  }

  @Test
  void wellFormedBodies() {
    assertThat(parse("{\"username\":\"alice\",\"password\":\"hunter2\",\"rememberMe\":true}",
        LoginRequest.class)).isEqualTo(new LoginRequest("alice", "hunter2", true));
    // Missing text fields are null; unknown fields are ignored.
    assertThat(parse("{\"username\":\"alice\",\"extra\":{\"x\":[1,2]},\"rememberMe\":false}",
        LoginRequest.class)).isEqualTo(new LoginRequest("alice", null, false));
    assertThat(parse(" {\"displayName\":\"王小明\",\"moodLine\":null} ", ProfileUpdate.class))
        .isEqualTo(new ProfileUpdate("王小明", null, null));
    assertThat(bodies.parse("{\"displayName\":\"A\"}".getBytes(StandardCharsets.UTF_16),
        ProfileUpdate.class).displayName()).isEqualTo("A");
  }

  @Test
  void strictShapes() {
    for (String bad : new String[] {"", " ", "null", "[]", "42", "\"x\"", "true", "{",
        "{\"username\":\"a\"", "{}{}", "{} x", "{\"username\":\"a\",\"username\":\"b\"}",
        "{\"username\":5}", "{\"username\":5.5}", "{\"username\":true}", "{\"username\":{}}",
        "{\"username\":[\"a\"]}", "{\"rememberMe\":\"true\"}", "{\"rememberMe\":1}",
        "{\"rememberMe\":null}", "{\"rememberMe\":\"\"}", "{'username':'a'}",
        "{\"username\":\"a\",\"password\":\"hunter2\"}",
        "{\"password\":hunter2}", "{\"password\":\"hunter2\",}", "/* c */ {}"}) {
      refused(bad, LoginRequest.class);
    }
    assertThatThrownBy(() -> parse("{\"username\":5}", LoginRequest.class))
        .hasMessageContaining("'username'");
  }

  @Test
  void randomBytesAreRefusedCleanly() {
    Random random = new Random(99);
    for (int i = 0; i < 5000; i++) {
      byte[] junk = new byte[random.nextInt(120)];
      random.nextBytes(junk);
      if (i % 2 == 0 && junk.length > 0) {
        junk[0] = '{';
      }
      try {
        bodies.parse(junk, LoginRequest.class);
      } catch (ApiException e) {
        assertThat(e.status()).isEqualTo(400);
      }
    }
  }

  @Test
  void bodiesAreReadUpToTheLimitOnly() throws Exception {
    byte[] body = new byte[100];
    assertThat(RequestBodies.readBounded(new ByteArrayInputStream(body), -1, 100, "x"))
        .hasSize(100);
    assertThat(RequestBodies.readBounded(new ByteArrayInputStream(body), 100, 100, "x"))
        .hasSize(100);
    // Over the limit by declaration: refused, the body read and thrown away so that the client,
    // still sending, gets the answer; past the drain limit, refused before reading a byte.
    ByteArrayInputStream declared = new ByteArrayInputStream(new byte[101]);
    assertThatThrownBy(() -> RequestBodies.readBounded(declared, 101, 100, "too_big"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(413);
          assertThat(e.code()).isEqualTo("too_big");
        });
    assertThat(declared.available()).as("drained").isZero();
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("read");
      }
    };
    assertThatThrownBy(() -> RequestBodies.readBounded(untouchable,
        RequestBodies.DRAIN_LIMIT + 1, 100, "too_big")).isInstanceOf(ApiException.class);
    // Chunked and endless: the limit + 1 bytes, then at most the drain limit thrown away.
    int[] served = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        served[0]++;
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        served[0] += len;
        return len;
      }
    };
    assertThatThrownBy(() -> RequestBodies.readBounded(endless, -1, 64 * 1024, "too_big"))
        .isInstanceOf(ApiException.class);
    assertThat((long) served[0]).isBetween(64L * 1024 + 1,
        64L * 1024 + 1 + RequestBodies.DRAIN_LIMIT + 64 * 1024);
  }
}
