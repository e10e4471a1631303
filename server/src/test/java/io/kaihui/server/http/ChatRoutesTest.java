package io.kaihui.server.http;

import static io.kaihui.server.http.AccountRoutesTest.body;
import static io.kaihui.server.http.AccountRoutesTest.code;
import static io.kaihui.server.http.ApiPeople.await;
import static io.kaihui.server.http.ApiPeople.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaihui.server.KaihuiServer;
import io.kaihui.server.http.AccountRoutesTest.Browser;
import io.kaihui.server.http.AccountRoutesTest.SocketWatcher;
import io.kaihui.server.http.ApiPeople.Person;
import io.kaihui.server.testing.MutableClock;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat API over real HTTP and WebSocket: delivery, marks, who may read, and garbage. */
class ChatRoutesTest {

  @TempDir
  static Path dataDir;

  private static KaihuiServer server;

  @BeforeAll
  static void start() {
    server = AccountRoutesTest.start(dataDir, false, new MutableClock());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Person person() throws Exception {
    return ApiPeople.person(server, "chat");
  }

  /** Two friends and their conversation's id. */
  private static long befriend(Person a, Person b) throws Exception {
    long request = json(a.browser().json("POST", "/api/v1/friend-requests",
        Map.of("toUserId", b.id()))).path("request").path("requestId").asLong();
    assertThat(b.browser().json("POST", "/api/v1/friend-requests/" + request + "/accept", null)
        .statusCode()).isEqualTo(204);
    HttpResponse<byte[]> opened = a.browser().json("POST", "/api/v1/conversations/direct",
        Map.of("userId", b.id()));
    assertThat(opened.statusCode()).as(body(opened)).isEqualTo(200);
    return json(opened).path("conversationId").asLong();
  }

  @Test
  void aMessageIsStoredThenPushedAndTheReceiptsComeBack() throws Exception {
    Person ada = person();
    Person bob = person();
    long c = befriend(ada, bob);
    SocketWatcher bobSocket = new SocketWatcher();
    WebSocket bobWs = AccountRoutesTest.socket(bob.browser(), bobSocket);
    SocketWatcher adaSocket = new SocketWatcher();
    WebSocket adaWs = AccountRoutesTest.socket(ada.browser(), adaSocket);

    String clientId = UUID.randomUUID().toString();
    HttpResponse<byte[]> sent = ada.browser().json("POST",
        "/api/v1/conversations/" + c + "/messages", Map.of("clientId", clientId,
            "text", "今晚开会吗？"));
    assertThat(sent.statusCode()).as(body(sent)).isEqualTo(201);
    assertThat(json(sent).path("seq").asLong()).isEqualTo(1);
    await(bobSocket, "\"type\":\"message\"");
    await(bobSocket, "今晚开会吗？");

    assertThat(bob.browser().json("POST", "/api/v1/conversations/" + c + "/typing", null)
        .statusCode()).isEqualTo(204);
    await(adaSocket, "{\"type\":\"typing\",\"conversationId\":" + c);

    assertThat(bob.browser().json("PUT", "/api/v1/conversations/" + c + "/marks",
        Map.of("deliveredSeq", 1, "readSeq", 1)).statusCode()).isEqualTo(204);
    await(adaSocket, "{\"type\":\"receipt\",\"conversationId\":" + c + ",\"userId\":"
        + bob.id() + ",\"deliveredSeq\":1,\"readSeq\":1}");

    JsonNode list = json(ada.browser().get("/api/v1/conversations"));
    assertThat(list.get(0).path("othersReadSeq").asLong()).isEqualTo(1);
    assertThat(list.get(0).path("last").path("body").asText()).isEqualTo("今晚开会吗？");
    JsonNode page = json(bob.browser().get("/api/v1/conversations/" + c
        + "/messages?limit=10"));
    assertThat(page.get(0).path("clientId").asText()).isEqualTo(clientId);
    JsonNode found = json(bob.browser().get("/api/v1/conversations/" + c
        + "/messages?q=%E5%BC%80%E4%BC%9A"));
    assertThat(found).hasSize(1);
    bobWs.abort();
    adaWs.abort();
  }

  @Test
  void onlyTheTwoOfThemReadIt() throws Exception {
    Person ada = person();
    Person bob = person();
    Person mallory = person();
    long c = befriend(ada, bob);
    ada.browser().json("POST", "/api/v1/conversations/" + c + "/messages",
        Map.of("clientId", UUID.randomUUID().toString(), "text", "secret plan"));
    SocketWatcher mallorySocket = new SocketWatcher();
    WebSocket malloryWs = AccountRoutesTest.socket(mallory.browser(), mallorySocket);

    String base = "/api/v1/conversations/" + c;
    for (HttpResponse<byte[]> r : List.of(
        mallory.browser().get(base),
        mallory.browser().get(base + "/messages"),
        mallory.browser().get(base + "/messages?q=secret"),
        mallory.browser().json("POST", base + "/messages",
            Map.of("clientId", UUID.randomUUID().toString(), "text", "hi")),
        mallory.browser().json("PUT", base + "/marks",
            Map.of("deliveredSeq", 1, "readSeq", 1)),
        mallory.browser().json("POST", base + "/typing", null))) {
      assertThat(r.statusCode()).as(body(r)).isEqualTo(404);
      assertThat(code(r)).isEqualTo("conversation_not_found");
      assertThat(body(r)).doesNotContain("secret");
    }
    HttpResponse<byte[]> open = mallory.browser().json("POST", "/api/v1/conversations/direct",
        Map.of("userId", ada.id()));
    assertThat(open.statusCode()).isEqualTo(403);
    assertThat(code(open)).isEqualTo("not_friends");
    assertThat(json(mallory.browser().get("/api/v1/conversations"))).isEmpty();
    // Ada writes again: Mallory's socket hears nothing of it.
    ada.browser().json("POST", base + "/messages",
        Map.of("clientId", UUID.randomUUID().toString(), "text", "second secret"));
    Thread.sleep(300);
    synchronized (mallorySocket.texts) {
      assertThat(mallorySocket.texts).noneMatch(t -> t.contains("secret"));
    }
    malloryWs.abort();

    Browser anonymous = new Browser(server);
    assertThat(anonymous.get("/api/v1/conversations").statusCode()).isEqualTo(401);
    assertThat(anonymous.get(base + "/messages").statusCode()).isEqualTo(401);
    assertThat(json(bob.browser().get(base + "/messages"))).hasSize(2);
  }

  @Test
  void garbageGetsAClearErrorAndStoresNothing() throws Exception {
    Person ada = person();
    Person bob = person();
    long c = befriend(ada, bob);
    String path = "/api/v1/conversations/" + c + "/messages";
    String uuid = UUID.randomUUID().toString();
    byte[] invalidUtf8 = ("{\"clientId\":\"" + uuid + "\",\"text\":\"bad \"}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] withBadByte = new byte[invalidUtf8.length + 2];
    int at = invalidUtf8.length - 2;
    System.arraycopy(invalidUtf8, 0, withBadByte, 0, at);
    withBadByte[at] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
    withBadByte[at + 1] = (byte) 0x28;
    System.arraycopy(invalidUtf8, at, withBadByte, at + 2, 2);

    Object[][] cases = {
        {path, "{\"clientId\":\"" + uuid + "\",\"text\":\"" + "x".repeat(4001) + "\"}", 400,
            "message_too_long"},
        {path, "{\"clientId\":\"" + uuid + "\",\"text\":\"\"}", 400, "bad_message"},
        {path, "{\"clientId\":\"" + uuid + "\",\"text\":\"a\\u0000b\"}", 400, "bad_message"},
        {path, "{\"clientId\":\"" + uuid + "\",\"text\":\"lone \\ud800\"}", 400, "bad_message"},
        {path, "{\"clientId\":\"nope\",\"text\":\"hi\"}", 400, "bad_message"},
        {path, withBadByte, 400, "bad_request"},
        {path, "{\"text\":", 400, "bad_request"},
        {"/api/v1/conversations/abc/messages", "{}", 400, "bad_request"},
        {"/api/v1/conversations/999999/messages", "{\"clientId\":\"" + uuid
            + "\",\"text\":\"hi\"}", 404, "conversation_not_found"},
    };
    for (Object[] k : cases) {
      HttpResponse<byte[]> r = ada.browser().json("POST", (String) k[0], k[1]);
      assertThat(r.statusCode()).as(k[0] + " → " + body(r)).isEqualTo(k[2]);
      assertThat(code(r)).isEqualTo(k[3]);
    }
    for (String query : List.of("?limit=0", "?limit=101", "?before=-1", "?limit=x")) {
      HttpResponse<byte[]> r = ada.browser().get(path + query);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
    }
    assertThat(json(bob.browser().get(path))).isEmpty();
    assertThat(json(bob.browser().get("/api/v1/conversations")).get(0).path("unread").asLong())
        .isZero();
  }

  @Test
  void groupsThroughTheApi() throws Exception {
    Person ada = person();
    Person bob = person();
    Person carol = person();
    befriend(ada, bob);
    befriend(ada, carol);
    HttpResponse<byte[]> withStranger = bob.browser().json("POST", "/api/v1/conversations/groups",
        Map.of("title", "x", "memberIds", List.of(carol.id())));
    assertThat(withStranger.statusCode()).isEqualTo(403);
    assertThat(code(withStranger)).isEqualTo("not_friends");

    HttpResponse<byte[]> created = ada.browser().json("POST", "/api/v1/conversations/groups",
        Map.of("title", "项目组", "memberIds", List.of(bob.id(), carol.id())));
    assertThat(created.statusCode()).as(body(created)).isEqualTo(201);
    long g = json(created).path("conversationId").asLong();
    assertThat(json(created).path("ownerId").asLong()).isEqualTo(ada.id());
    assertThat(json(created).path("members")).hasSize(3);

    SocketWatcher carolSocket = new SocketWatcher();
    WebSocket carolWs = AccountRoutesTest.socket(carol.browser(), carolSocket);
    HttpResponse<byte[]> notOwner = bob.browser().json("DELETE",
        "/api/v1/conversations/" + g + "/members/" + carol.id(), null);
    assertThat(notOwner.statusCode()).isEqualTo(403);
    assertThat(code(notOwner)).isEqualTo("not_owner");
    assertThat(ada.browser().json("DELETE", "/api/v1/conversations/" + g + "/members/"
        + carol.id(), null).statusCode()).isEqualTo(204);
    await(carolSocket, "{\"type\":\"conversationChanged\",\"conversationId\":" + g
        + ",\"reason\":\"removed\"}");
    assertThat(carol.browser().get("/api/v1/conversations/" + g + "/messages").statusCode())
        .isEqualTo(404);
    HttpResponse<byte[]> renamed = bob.browser().json("PATCH", "/api/v1/conversations/" + g,
        Map.of("title", "新名字"));
    assertThat(json(renamed).path("title").asText()).isEqualTo("新名字");
    assertThat(bob.browser().json("PATCH", "/api/v1/conversations/" + g, Map.of("title", ""))
        .statusCode()).isEqualTo(400);
    carolWs.abort();
  }

  @Test
  void callsThroughTheApi() throws Exception {
    Person ada = person();
    Person bob = person();
    Person mallory = person();
    befriend(ada, bob);
    SocketWatcher bobSocket = new SocketWatcher();
    WebSocket bobWs = AccountRoutesTest.socket(bob.browser(), bobSocket);
    HttpResponse<byte[]> call = ada.browser().json("POST", "/api/v1/calls",
        Map.of("userId", bob.id()));
    assertThat(call.statusCode()).as(body(call)).isEqualTo(201);
    long callId = json(call).path("callId").asLong();
    await(bobSocket, "{\"type\":\"callIncoming\"");

    // Nobody else answers or cancels it; a stranger cannot call.
    for (HttpResponse<byte[]> r : List.of(
        mallory.browser().json("POST", "/api/v1/calls/" + callId + "/accept", null),
        mallory.browser().json("POST", "/api/v1/calls/" + callId + "/decline", null),
        mallory.browser().json("DELETE", "/api/v1/calls/" + callId, null),
        ada.browser().json("POST", "/api/v1/calls/" + callId + "/accept", null))) {
      assertThat(r.statusCode()).as(body(r)).isEqualTo(404);
      assertThat(code(r)).isEqualTo("call_not_found");
    }
    HttpResponse<byte[]> stranger = mallory.browser().json("POST", "/api/v1/calls",
        Map.of("userId", ada.id()));
    assertThat(stranger.statusCode()).isEqualTo(403);
    HttpResponse<byte[]> busy = mallory.browser().json("POST", "/api/v1/calls", "{\"userId\":");
    assertThat(busy.statusCode()).isEqualTo(400);

    HttpResponse<byte[]> accepted = bob.browser().json("POST",
        "/api/v1/calls/" + callId + "/accept", null);
    assertThat(accepted.statusCode()).as(body(accepted)).isEqualTo(200);
    String number = json(accepted).path("meetingNumber").asText();
    await(bobSocket, "{\"type\":\"callAccepted\",\"callId\":" + callId);
    assertThat(ada.browser().get("/api/v1/meetings/" + number).statusCode()).isEqualTo(200);
    assertThat(mallory.browser().get("/api/v1/meetings/" + number).statusCode())
        .as("a call is nobody else's").isEqualTo(404);
    bobWs.abort();
  }

  @Test
  void onlySomeoneInTheMeetingInvitesAFriendIntoIt() throws Exception {
    Person ada = person();
    Person bob = person();
    befriend(ada, bob);
    String number = json(ada.browser().json("POST", "/api/v1/meetings", null))
        .path("meetingNumber").asText();
    HttpResponse<byte[]> notIn = ada.browser().json("POST", "/api/v1/meetings/" + number
        + "/invites", Map.of("userId", bob.id()));
    assertThat(notIn.statusCode()).as(body(notIn)).isEqualTo(403);
    assertThat(code(notIn)).isEqualTo("not_joined");
    String other = number.equals("987654321") ? "987654322" : "987654321";
    HttpResponse<byte[]> none = ada.browser().json("POST", "/api/v1/meetings/" + other
        + "/invites", Map.of("userId", bob.id()));
    assertThat(none.statusCode()).isEqualTo(404);
    HttpResponse<byte[]> bad = ada.browser().json("POST", "/api/v1/meetings/12ab/invites",
        Map.of("userId", bob.id()));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new Browser(server).json("POST", "/api/v1/meetings/" + number + "/invites",
        Map.of("userId", bob.id())).statusCode()).isEqualTo(401);
  }
}
