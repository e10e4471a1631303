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
import io.kaihui.server.social.FriendService;
import io.kaihui.server.testing.MutableClock;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The friends API over real HTTP and WebSocket: who may do what, what the other side is told at
 * once, and what garbage gets.
 */
class FriendRoutesTest {

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
    return ApiPeople.person(server, "friend");
  }

  @Test
  void twoPeopleBecomeFriendsAndTheOtherSideIsToldAtOnce() throws Exception {
    Person ada = person();
    Person bob = person();
    SocketWatcher bobSocket = new SocketWatcher();
    WebSocket bobWs = AccountRoutesTest.socket(bob.browser(), bobSocket);
    SocketWatcher adaSocket = new SocketWatcher();
    WebSocket adaWs = AccountRoutesTest.socket(ada.browser(), adaSocket);

    HttpResponse<byte[]> found = ada.browser().get("/api/v1/users?q=" + bob.username());
    assertThat(found.statusCode()).as(body(found)).isEqualTo(200);
    assertThat(json(found).get(0).path("userId").asLong()).isEqualTo(bob.id());
    assertThat(json(found).get(0).path("relation").asText()).isEqualTo("none");
    assertThat(json(found).get(0).has("phone")).as("search shows no phone").isFalse();

    HttpResponse<byte[]> sent = ada.browser().json("POST", "/api/v1/friend-requests",
        Map.of("toUserId", bob.id(), "note", "你好 Bob"));
    assertThat(sent.statusCode()).as(body(sent)).isEqualTo(201);
    long requestId = json(sent).path("request").path("requestId").asLong();
    await(bobSocket, "\"type\":\"friendRequest\"");
    assertThat(ApiPeople.received(bobSocket, "你好 Bob")).isTrue();

    HttpResponse<byte[]> again = ada.browser().json("POST", "/api/v1/friend-requests",
        Map.of("toUserId", bob.id()));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(code(again)).isEqualTo("request_pending");

    HttpResponse<byte[]> bobs = bob.browser().get("/api/v1/friend-requests");
    assertThat(json(bobs).path("incoming").get(0).path("requestId").asLong()).isEqualTo(requestId);

    HttpResponse<byte[]> accepted =
        bob.browser().json("POST", "/api/v1/friend-requests/" + requestId + "/accept", null);
    assertThat(accepted.statusCode()).as(body(accepted)).isEqualTo(204);
    await(adaSocket, "\"type\":\"friendsChanged\",\"reason\":\"accepted\"");

    HttpResponse<byte[]> list = ada.browser().get("/api/v1/friends");
    JsonNode friend = json(list).path("friends").get(0);
    assertThat(friend.path("user").path("userId").asLong()).isEqualTo(bob.id());
    assertThat(friend.path("presence").asText()).isEqualTo("online");
    assertThat(friend.path("groupId").asLong()).isZero();

    // Bob goes offline: his friend Ada is told. Then she ends the friendship, for both.
    bobWs.abort();
    await(adaSocket, "{\"type\":\"presence\",\"userId\":" + bob.id()
        + ",\"state\":\"offline\"}");
    HttpResponse<byte[]> removed = ada.browser().json("DELETE", "/api/v1/friends/" + bob.id(),
        null);
    assertThat(removed.statusCode()).isEqualTo(204);
    assertThat(json(bob.browser().get("/api/v1/friends")).path("friends")).isEmpty();
    adaWs.abort();
  }

  @Test
  void strangersGetNothing() throws Exception {
    Person ada = person();
    Person bob = person();
    Person mallory = person();
    long requestId = json(ada.browser().json("POST", "/api/v1/friend-requests",
        Map.of("toUserId", bob.id(), "note", "secret"))).path("request").path("requestId")
        .asLong();

    for (String path : List.of("/accept", "/decline")) {
      HttpResponse<byte[]> r = mallory.browser().json("POST",
          "/api/v1/friend-requests/" + requestId + path, null);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(code(r)).isEqualTo("request_not_found");
      assertThat(body(r)).doesNotContain("secret");
    }
    HttpResponse<byte[]> cancel = mallory.browser().json("DELETE",
        "/api/v1/friend-requests/" + requestId, null);
    assertThat(cancel.statusCode()).isEqualTo(404);
    assertThat(body(mallory.browser().get("/api/v1/friend-requests")))
        .doesNotContain("secret").doesNotContain(Long.toString(requestId));
    assertThat(json(mallory.browser().get("/api/v1/friends")).path("friends")).isEmpty();
    HttpResponse<byte[]> move = mallory.browser().json("PUT", "/api/v1/friends/" + ada.id(),
        Map.of("groupId", 0));
    assertThat(code(move)).isEqualTo("not_friends");
    // Bob's request is still there for Bob.
    assertThat(json(bob.browser().get("/api/v1/friend-requests")).path("incoming"))
        .hasSize(1);

    // Signed out: nothing at all.
    Browser anonymous = new Browser(server);
    for (String path : List.of("/api/v1/friends", "/api/v1/friend-requests",
        "/api/v1/users?q=a")) {
      HttpResponse<byte[]> r = anonymous.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(code(r)).isEqualTo("not_signed_in");
    }
    HttpResponse<byte[]> post = anonymous.json("POST", "/api/v1/friend-requests",
        Map.of("toUserId", bob.id()));
    assertThat(post.statusCode()).isEqualTo(401);
    assertThat(json(bob.browser().get("/api/v1/friend-requests")).path("incoming"))
        .hasSize(1);
  }

  @Test
  void garbageGetsAClearErrorAndChangesNothing() throws Exception {
    Person ada = person();
    Person bob = person();
    Browser b = ada.browser();
    Object[][] cases = {
        {"POST", "/api/v1/friend-requests", "{not json", 400},
        {"POST", "/api/v1/friend-requests", "[]", 400},
        {"POST", "/api/v1/friend-requests", "{\"toUserId\":\"bob\"}", 400},
        {"POST", "/api/v1/friend-requests", "{\"toUserId\":" + bob.id() + ",\"note\":\""
            + "x".repeat(FriendService.MAX_NOTE_CHARS + 1) + "\"}", 400},
        {"POST", "/api/v1/friend-requests", "{\"toUserId\":" + bob.id()
            + ",\"note\":\"a\\u0000b\"}", 400},
        {"POST", "/api/v1/friend-requests", "{\"toUserId\":" + ada.id() + "}", 404},
        {"POST", "/api/v1/friend-requests", "{\"toUserId\":123456789}", 404},
        {"POST", "/api/v1/friend-requests/abc/accept", null, 400},
        {"POST", "/api/v1/friend-requests/-5/accept", null, 400},
        {"POST", "/api/v1/friend-requests/99999999999999999999/accept", null, 400},
        {"DELETE", "/api/v1/friends/0", null, 400},
        {"PUT", "/api/v1/friends/" + bob.id(), "{\"groupId\":null}", 400},
        {"POST", "/api/v1/friend-groups", "{\"name\":\"\"}", 400},
        {"POST", "/api/v1/friend-groups", "{\"name\":\"a\\nb\"}", 400},
        {"PUT", "/api/v1/friend-groups/order", "{\"groupIds\":[1,2]}", 400},
        {"PUT", "/api/v1/friend-groups/order", "{\"groupIds\":\"x\"}", 400},
        {"PATCH", "/api/v1/friend-groups/77", "{\"name\":\"x\"}", 404},
    };
    for (Object[] c : cases) {
      HttpResponse<byte[]> r = b.json((String) c[0], (String) c[1], c[2]);
      assertThat(r.statusCode()).as(c[0] + " " + c[1] + " " + c[2] + " → " + body(r))
          .isEqualTo(c[3]);
      assertThat(json(r).path("code").asText()).isNotBlank();
    }
    HttpResponse<byte[]> empty = b.get("/api/v1/users?q=");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(bob.browser().get("/api/v1/friend-requests")).path("incoming")).isEmpty();
    assertThat(json(b.get("/api/v1/friends")).path("groups")).isEmpty();
  }

  @Test
  void groupsThroughTheApi() throws Exception {
    Person ada = person();
    Person bob = person();
    long id = json(ada.browser().json("POST", "/api/v1/friend-requests",
        Map.of("toUserId", bob.id()))).path("request").path("requestId").asLong();
    bob.browser().json("POST", "/api/v1/friend-requests/" + id + "/accept", null);

    HttpResponse<byte[]> family = ada.browser().json("POST", "/api/v1/friend-groups",
        Map.of("name", "家人"));
    assertThat(family.statusCode()).isEqualTo(201);
    long familyId = json(family).path("groupId").asLong();
    long workId = json(ada.browser().json("POST", "/api/v1/friend-groups",
        Map.of("name", "Work"))).path("groupId").asLong();
    assertThat(ada.browser().json("PUT", "/api/v1/friend-groups/order",
        Map.of("groupIds", List.of(workId, familyId))).statusCode()).isEqualTo(204);
    assertThat(ada.browser().json("PUT", "/api/v1/friends/" + bob.id(),
        Map.of("groupId", familyId)).statusCode()).isEqualTo(204);
    assertThat(json(ada.browser().json("PATCH", "/api/v1/friend-groups/" + familyId,
        Map.of("name", "亲人"))).path("name").asText()).isEqualTo("亲人");

    JsonNode list = json(ada.browser().get("/api/v1/friends"));
    assertThat(list.path("groups").get(0).path("name").asText()).isEqualTo("Work");
    assertThat(list.path("groups").get(1).path("name").asText()).isEqualTo("亲人");
    assertThat(list.path("friends").get(0).path("groupId").asLong()).isEqualTo(familyId);

    // Bob cannot touch Ada's groups.
    HttpResponse<byte[]> theirs = bob.browser().json("DELETE",
        "/api/v1/friend-groups/" + familyId, null);
    assertThat(theirs.statusCode()).isEqualTo(404);
    assertThat(ada.browser().json("DELETE", "/api/v1/friend-groups/" + familyId, null)
        .statusCode()).isEqualTo(204);
    assertThat(json(ada.browser().get("/api/v1/friends")).path("friends").get(0)
        .path("groupId").asLong()).isZero();
  }
}
