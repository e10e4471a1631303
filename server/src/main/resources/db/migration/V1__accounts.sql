-- Accounts. Portable SQL: this file runs unchanged on H2, MariaDB/MySQL and PostgreSQL.
-- Ids are chosen by the server (random, below 2^53 so JavaScript reads them exactly), because
-- the three databases spell auto-increment differently. Times are BIGINT milliseconds since
-- 1970-01-01T00:00:00Z: no time-zone conversion by any driver and no 2038 limit (MariaDB's
-- TIMESTAMP). VARCHAR lengths are in characters; H2 counts UTF-16 units, so a limit of N code
-- points gets 2N.
CREATE TABLE users (
  id BIGINT NOT NULL,
  username VARCHAR(32) NOT NULL,
  -- username in lower case: the unique index below makes usernames unique ignoring case on
  -- every database, whatever its collation
  username_key VARCHAR(32) NOT NULL,
  display_name VARCHAR(128) NOT NULL,
  phone VARCHAR(16),
  -- Argon2id in the PHC string format; never the password
  password_hash VARCHAR(255) NOT NULL,
  avatar_ref VARCHAR(128),
  mood_line VARCHAR(160),
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  PRIMARY KEY (id)
);

CREATE UNIQUE INDEX users_username_key ON users (username_key);
