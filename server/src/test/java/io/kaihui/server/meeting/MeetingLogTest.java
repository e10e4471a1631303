package io.kaihui.server.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.protocol.PastMeeting;
import io.kaihui.server.store.Database;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The record of past meetings on H2, MariaDB and PostgreSQL, each from an empty database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseVendor.class)
class MeetingLogTest {

  @Parameter
  DatabaseVendor vendor;

  private static final Attendee ALICE = new Attendee(1, "Alice", null);
  private static final Attendee BOB = new Attendee(2, "王小明", null);
  private static final Attendee CAROL = new Attendee(3, "Carol", null);

  private static void users(Database db) {
    for (Attendee a : List.of(ALICE, BOB, CAROL)) {
      db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, username, username_key,"
              + " display_name, password_hash, created_ms, updated_ms)"
              + " VALUES (:id, :u, :u, :d, 'x', 0, 0)")
          .bind("id", a.userId()).bind("u", "user" + a.userId()).bind("d", a.displayName())
          .execute());
    }
  }

  @Test
  void listsTheMeetingsAPersonHostedOrJoinedNewestFirstWithEveryone() {
    try (TestDatabase db = TestDatabase.create(vendor)) {
      Database database = db.open();
      users(database);
      MeetingLog log = new MeetingLog(database);
      long first = log.started("111111111", "Standup", ALICE, 1_000);
      log.attended(first, 1, ALICE, 1_000);
      log.attended(first, 2, BOB, 2_000);
      log.attended(first, 3, Attendee.guest("Visitor"), 3_000);
      log.ended(first, 60_000);
      long second = log.started("222222222", "周会", BOB, 100_000);
      log.attended(second, 1, BOB, 100_000);
      long carols = log.started("333333333", "Carol's", CAROL, 200_000);
      log.attended(carols, 1, CAROL, 200_000);

      List<PastMeeting> bobs = log.history(BOB.userId(), 10);
      assertThat(bobs).extracting(PastMeeting::meetingNumber)
          .containsExactly("222222222", "111111111");
      assertThat(bobs.get(0).title()).isEqualTo("周会");
      assertThat(bobs.get(0).endedAtMs()).isNull();
      assertThat(bobs.get(0).hostName()).isEqualTo("王小明");
      PastMeeting standup = bobs.get(1);
      assertThat(standup.participants()).containsExactly("Alice", "王小明", "Visitor");
      assertThat(standup.guests()).isEqualTo(1);
      assertThat(standup.startedAtMs()).isEqualTo(1_000);
      assertThat(standup.endedAtMs()).isEqualTo(60_000);
      // Alice hosted the standup; Carol's meeting is nobody else's business.
      assertThat(log.history(ALICE.userId(), 10)).extracting(PastMeeting::meetingNumber)
          .containsExactly("111111111");
      assertThat(log.history(BOB.userId(), 1)).hasSize(1);
      assertThat(log.history(99, 10)).isEmpty();
      assertThatThrownBy(() -> log.history(1, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> log.history(1, MeetingLog.MAX_HISTORY + 1))
          .isInstanceOf(IllegalArgumentException.class);

      // A restart ends what the last run left open; an ended meeting keeps its end.
      assertThat(log.endUnfinished(500_000)).isEqualTo(2);
      log.ended(first, 999_999);
      assertThat(log.history(BOB.userId(), 10)).extracting(PastMeeting::endedAtMs)
          .containsExactly(500_000L, 60_000L);
    }
  }
}
