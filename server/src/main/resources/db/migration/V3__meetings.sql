-- Meetings, for each person's list of past meetings. Portable SQL, as V1: random ids below
-- 2^53, times in BIGINT milliseconds since 1970-01-01T00:00:00Z. Numbers are reused once a
-- meeting has ended, so a meeting is known by its id here.
CREATE TABLE meetings (
  id BIGINT NOT NULL,
  number VARCHAR(9) NOT NULL,
  title VARCHAR(200) NOT NULL,
  host_user_id BIGINT NOT NULL,
  -- the host's display name when the meeting started
  host_name VARCHAR(128) NOT NULL,
  started_ms BIGINT NOT NULL,
  -- NULL while the meeting is live
  ended_ms BIGINT,
  PRIMARY KEY (id),
  CONSTRAINT meetings_host_fk FOREIGN KEY (host_user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX meetings_host ON meetings (host_user_id, started_ms);

-- Who was in a meeting: one row per account (at its first join) and one per guest join.
CREATE TABLE meeting_attendees (
  meeting_id BIGINT NOT NULL,
  -- order of first joining within the meeting, from 1
  seq INT NOT NULL,
  -- NULL for a guest
  user_id BIGINT,
  display_name VARCHAR(128) NOT NULL,
  joined_ms BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, seq),
  CONSTRAINT meeting_attendees_meeting_fk FOREIGN KEY (meeting_id) REFERENCES meetings (id)
    ON DELETE CASCADE,
  CONSTRAINT meeting_attendees_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE
);

CREATE INDEX meeting_attendees_user ON meeting_attendees (user_id, meeting_id);
