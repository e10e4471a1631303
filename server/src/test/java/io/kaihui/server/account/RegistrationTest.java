package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationTest {

  @Test
  void toStringHidesThePassword() {
    Registration r = new Registration("alice", "s3cret-Pa55word", "Alice", "+8613800000000");
    assertThat(r.toString()).doesNotContain("s3cret-Pa55word").contains("alice")
        .contains("password=***");
    assertThat(r.password()).isEqualTo("s3cret-Pa55word");
  }
}
