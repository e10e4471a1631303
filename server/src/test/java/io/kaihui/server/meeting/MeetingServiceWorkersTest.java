package io.kaihui.server.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.media.MediaEngine;
import io.kaihui.media.MediaEngineConfig;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.NullParticipantSink;
import io.kaihui.server.testing.TestDatabase;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meetings spread over the media workers by load, and each stays on the worker it got. */
class MeetingServiceWorkersTest {

  private static final Attendee HOST = new Attendee(1, "Host", null);

  private final List<MediaEngine> workers = new ArrayList<>();
  private TestDatabase db;
  private MeetingService meetings;

  @BeforeEach
  void start() {
    for (int i = 0; i < 3; i++) {
      workers.add(MediaEngine.start(new MediaEngineConfig(InetAddress.getLoopbackAddress(), 0,
          List.of(InetAddress.getLoopbackAddress()), Duration.ofSeconds(30))));
    }
    db = TestDatabase.create(DatabaseVendor.H2);
    db.open().jdbi().useHandle(h -> h.execute("INSERT INTO users (id, username, username_key,"
        + " display_name, password_hash, created_ms, updated_ms)"
        + " VALUES (1, 'host', 'host', 'Host', 'x', 0, 0)"));
    meetings = new MeetingService(workers, new MeetingLog(db.open()), Clock.systemUTC(), 50);
  }

  @AfterEach
  void stop() {
    meetings.close();
    workers.forEach(MediaEngine::close);
    db.close();
  }

  @Test
  void newMeetingsGoToTheWorkerWithTheLeastLoad() throws Exception {
    Meeting a = meetings.create(HOST, "a", true);
    Meeting b = meetings.create(HOST, "b", true);
    Meeting c = meetings.create(HOST, "c", true);
    assertThat(List.of(a.engine(), b.engine(), c.engine()))
        .as("three empty meetings on three workers").containsExactlyInAnyOrderElementsOf(workers);

    for (int i = 0; i < 3; i++) {
      a.join(new NullParticipantSink(), new Attendee(0, "guest " + i, null), true, true);
    }
    b.join(new NullParticipantSink(), new Attendee(0, "guest", null), true, true);
    Meeting d = meetings.create(HOST, "d", true);
    Meeting e = meetings.create(HOST, "e", true);
    assertThat(d.engine()).as("c's worker carries 1, b's 1, a's 3").isIn(b.engine(), c.engine());
    assertThat(e.engine()).isIn(b.engine(), c.engine()).isNotSameAs(d.engine());
    Meeting f = meetings.create(HOST, "f", true);
    assertThat(f.engine()).as("every worker carries 2 or more; a's worker carries 3")
        .isNotSameAs(a.engine());
  }

  @Test
  void aMeetingsParticipantsAllShareItsWorker() throws Exception {
    meetings.create(HOST, "elsewhere", true);
    Meeting m = meetings.create(HOST, "m", true);
    Meeting.Joined one = m.join(new NullParticipantSink(), new Attendee(0, "one", null), true, true);
    Meeting.Joined two = m.join(new NullParticipantSink(), new Attendee(0, "two", null), true, true);
    for (Meeting.Joined j : List.of(one, two)) {
      assertThat(j.participant().publishTransport().router().engine()).isSameAs(m.engine());
      assertThat(j.participant().subscribeTransport().router().engine()).isSameAs(m.engine());
    }
  }

  @Test
  void aServiceNeedsAWorker() {
    assertThatThrownBy(() -> new MeetingService(List.of(), new MeetingLog(db.open()),
        Clock.systemUTC(), 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
