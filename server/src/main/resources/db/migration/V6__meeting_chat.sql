-- What was said in a meeting's chat, kept with the meeting for those who were in it.
-- Portable SQL, as V1.
CREATE TABLE meeting_messages (
  meeting_id BIGINT NOT NULL,
  -- 1, 2, 3... in the order the server took them
  seq INT NOT NULL,
  -- NULL for a guest
  sender_user_id BIGINT,
  sender_name VARCHAR(128) NOT NULL,
  -- a private message's recipient (name always; account unless a guest); both NULL for everyone
  recipient_user_id BIGINT,
  recipient_name VARCHAR(128),
  -- up to 4000 code points
  body VARCHAR(8000) NOT NULL,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, seq),
  CONSTRAINT meeting_messages_meeting_fk FOREIGN KEY (meeting_id) REFERENCES meetings (id)
    ON DELETE CASCADE
);
