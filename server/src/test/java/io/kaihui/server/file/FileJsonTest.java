package io.kaihui.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.protocol.FileView;
import org.junit.jupiter.api.Test;

class FileJsonTest {

  @Test
  void aFileGoesThereAndBackAndGarbageIsNoFile() {
    FileView file = new FileView("AAAAAAAAAAAAAAAAAAAAAA", "报告 \"1\".pdf", 12, "application/pdf",
        "ab".repeat(32), 5);
    assertThat(FileJson.read(FileJson.write(file))).contains(file);
    for (String garbage : new String[] {"", "null", "{", "[]", "42", "\"x\"", "{\"sizeBytes\":\"a\"}",
        "\u0000"}) {
      assertThat(FileJson.read(garbage)).as(garbage).isEmpty();
    }
  }
}
