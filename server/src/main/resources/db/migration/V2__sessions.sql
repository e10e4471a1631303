-- Sign-in sessions. Portable SQL, as V1. The token itself is never stored: token_hash is the
-- lower-case hex SHA-256 of it. A session is live while revoked_ms is NULL and expires_ms is in
-- the future.
CREATE TABLE sessions (
  -- public id (128 random bits, base64url), safe to log and to show; not a credential
  id VARCHAR(32) NOT NULL,
  token_hash VARCHAR(64) NOT NULL,
  user_id BIGINT NOT NULL,
  created_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  revoked_ms BIGINT,
  -- logout, signed_in_elsewhere, password_changed or revoked
  revoked_reason VARCHAR(32),
  user_agent VARCHAR(256),
  address VARCHAR(64),
  PRIMARY KEY (id),
  CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX sessions_token_hash ON sessions (token_hash);

CREATE INDEX sessions_user ON sessions (user_id);
