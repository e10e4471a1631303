-- Conversations and their messages. Portable SQL, as V1: random ids below 2^53, times in BIGINT
-- milliseconds since 1970-01-01T00:00:00Z, VARCHAR of 2N for N code points.

-- A conversation: two friends (direct), a named group, or a meeting's chat. Messages are
-- numbered 1, 2, 3... within it (last_seq is the last number given), which orders them.
CREATE TABLE conversations (
  id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  -- for a direct conversation '<smaller user id>:<larger user id>', so there is one per pair
  direct_key VARCHAR(40),
  -- a group's name (up to 64 code points)
  title VARCHAR(128),
  -- a group's owner, who may remove members; NULL for a direct conversation
  owner_id BIGINT,
  last_seq BIGINT NOT NULL,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (id)
);

CREATE UNIQUE INDEX conversations_direct ON conversations (direct_key);

-- Who may read and write a conversation, and how far each has received and read it.
CREATE TABLE conversation_members (
  conversation_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  joined_ms BIGINT NOT NULL,
  delivered_seq BIGINT NOT NULL,
  read_seq BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, user_id),
  CONSTRAINT conversation_members_conversation_fk FOREIGN KEY (conversation_id)
    REFERENCES conversations (id) ON DELETE CASCADE,
  CONSTRAINT conversation_members_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE
);

CREATE INDEX conversation_members_user ON conversation_members (user_id);

CREATE TABLE messages (
  conversation_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  -- the sender's own id for the message (a UUID), so that a retry stores it once
  client_id VARCHAR(36) NOT NULL,
  sender_id BIGINT NOT NULL,
  -- text, or a call record
  kind VARCHAR(16) NOT NULL,
  -- up to 4000 code points; longer text is refused before it gets here
  body VARCHAR(8000) NOT NULL,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, seq),
  CONSTRAINT messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id)
    ON DELETE CASCADE,
  CONSTRAINT messages_sender_fk FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX messages_client ON messages (conversation_id, sender_id, client_id);
