-- Friends, friend groups and friend requests. Portable SQL, as V1: random ids below 2^53, times
-- in BIGINT milliseconds since 1970-01-01T00:00:00Z, VARCHAR of 2N for N code points.

-- The groups ("drawers") a person sorts their friends into. The default group "My friends" has
-- no row: a friendship without a group is in it.
CREATE TABLE friend_groups (
  id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  name VARCHAR(64) NOT NULL,
  sort_order INT NOT NULL,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT friend_groups_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX friend_groups_user ON friend_groups (user_id, sort_order);

-- A friendship is two rows, one for each side, so that each keeps it in a group of their own.
CREATE TABLE friendships (
  user_id BIGINT NOT NULL,
  friend_id BIGINT NOT NULL,
  group_id BIGINT,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (user_id, friend_id),
  CONSTRAINT friendships_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT friendships_friend_fk FOREIGN KEY (friend_id) REFERENCES users (id)
    ON DELETE CASCADE,
  CONSTRAINT friendships_group_fk FOREIGN KEY (group_id) REFERENCES friend_groups (id)
    ON DELETE SET NULL
);

CREATE INDEX friendships_friend ON friendships (friend_id);

-- Pending requests only: accepting or declining one deletes it. One per ordered pair.
CREATE TABLE friend_requests (
  id BIGINT NOT NULL,
  from_user_id BIGINT NOT NULL,
  to_user_id BIGINT NOT NULL,
  -- up to 100 code points
  note VARCHAR(200),
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT friend_requests_from_fk FOREIGN KEY (from_user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  CONSTRAINT friend_requests_to_fk FOREIGN KEY (to_user_id) REFERENCES users (id)
    ON DELETE CASCADE
);

CREATE UNIQUE INDEX friend_requests_pair ON friend_requests (from_user_id, to_user_id);
CREATE INDEX friend_requests_to ON friend_requests (to_user_id, created_ms);
