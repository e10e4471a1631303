package io.kaihui.server.http;

import static io.kaihui.server.http.AccountRoutesTest.body;
import static io.kaihui.server.http.AccountRoutesTest.code;
import static io.kaihui.server.http.AccountRoutesTest.newName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kaihui.server.KaihuiServer;
import io.kaihui.server.http.AccountRoutesTest.Browser;
import io.kaihui.server.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meeting API against a whole server: who may create, change, end and list meetings. */
class MeetingRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dataDir;

  private static KaihuiServer server;

  @BeforeAll
  static void start() {
    server = AccountRoutesTest.start(dataDir, true, new MutableClock());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Browser signedIn() throws Exception {
    Browser b = new Browser(server);
    b.register(newName());
    return b;
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void onlySignedInPeopleCreateMeetingsAndTheyHostThem() throws Exception {
    Browser anonymous = new Browser(server);
    HttpResponse<byte[]> refused = anonymous.json("POST", "/api/v1/meetings",
        Map.of("allowGuests", true));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(code(refused)).isEqualTo("not_signed_in");

    Browser host = signedIn();
    HttpResponse<byte[]> created = host.json("POST", "/api/v1/meetings",
        Map.of("title", "Design review", "allowGuests", false));
    assertThat(created.statusCode()).as(body(created)).isEqualTo(201);
    JsonNode m = json(created);
    assertThat(m.path("meetingNumber").asText()).matches("\\d{9}");
    assertThat(m.path("title").asText()).isEqualTo("Design review");
    assertThat(m.path("youAreHost").asBoolean()).isTrue();
    assertThat(m.path("allowGuests").asBoolean()).isFalse();
    assertThat(m.path("hostName").asText()).startsWith("Tester ");

    // Anyone may look it up for the pre-join screen; only the host is told they host.
    JsonNode seen = json(anonymous.get("/api/v1/meetings/" + m.path("meetingNumber").asText()));
    assertThat(seen.path("title").asText()).isEqualTo("Design review");
    assertThat(seen.path("youAreHost").asBoolean()).isFalse();

    // A default title, and bad titles refused.
    HttpResponse<byte[]> untitled = host.json("POST", "/api/v1/meetings", Map.of());
    assertThat(json(untitled).path("title").asText()).endsWith("'s meeting");
    for (String bad : new String[] {"x".repeat(101), "a\u0000b"}) {
      HttpResponse<byte[]> r = host.json("POST", "/api/v1/meetings", Map.of("title", bad));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(code(r)).isEqualTo("bad_request");
    }
    assertThat(host.json("POST", "/api/v1/meetings", "{\"title\":").statusCode())
        .isEqualTo(400);
  }

  @Test
  void onlyTheHostChangesOrEndsAMeeting() throws Exception {
    Browser host = signedIn();
    Browser other = signedIn();
    String number = json(host.json("POST", "/api/v1/meetings", Map.of("allowGuests", false)))
        .path("meetingNumber").asText();
    String path = "/api/v1/meetings/" + number;

    HttpResponse<byte[]> notHost = other.json("PATCH", path, Map.of("allowGuests", true));
    assertThat(notHost.statusCode()).isEqualTo(403);
    assertThat(code(notHost)).isEqualTo("not_host");
    assertThat(new Browser(server).json("PATCH", path, Map.of("allowGuests", true))
        .statusCode()).isEqualTo(401);
    HttpResponse<byte[]> allowed = host.json("PATCH", path, Map.of("allowGuests", true));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(json(allowed).path("allowGuests").asBoolean()).isTrue();

    assertThat(other.json("DELETE", path, null).statusCode()).isEqualTo(403);
    assertThat(host.json("DELETE", path, null).statusCode()).isEqualTo(204);
    HttpResponse<byte[]> gone = other.get(path);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(code(gone)).isEqualTo("meeting_not_found");
    assertThat(host.json("DELETE", path, null).statusCode()).isEqualTo(404);
    assertThat(host.get("/api/v1/meetings/12345").statusCode()).isEqualTo(400);
  }

  @Test
  void historyListsOnlyMyMeetings() throws Exception {
    Browser host = signedIn();
    Browser stranger = signedIn();
    String number = json(host.json("POST", "/api/v1/meetings", Map.of("title", "周会")))
        .path("meetingNumber").asText();
    host.json("DELETE", "/api/v1/meetings/" + number, null);

    JsonNode mine = json(host.get("/api/v1/meetings/history"));
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("meetingNumber").asText()).isEqualTo(number);
    assertThat(mine.get(0).path("title").asText()).isEqualTo("周会");
    assertThat(mine.get(0).path("endedAtMs").isNumber()).isTrue();
    assertThat(json(stranger.get("/api/v1/meetings/history"))).isEmpty();
    assertThat(new Browser(server).get("/api/v1/meetings/history").statusCode())
        .isEqualTo(401);
    for (String limit : new String[] {"0", "201", "x", "-1"}) {
      assertThat(host.get("/api/v1/meetings/history?limit=" + limit).statusCode())
          .as("limit %s", limit).isEqualTo(400);
    }
    assertThat(json(host.get("/api/v1/meetings/history?limit=1"))).hasSize(1);
  }
}
