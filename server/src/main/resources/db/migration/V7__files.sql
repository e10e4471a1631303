-- Files: content stored once per SHA-256 (a blob), the files people sent that name it, and the
-- uploads still under way. Portable SQL, as V1: times in BIGINT milliseconds since
-- 1970-01-01T00:00:00Z, VARCHAR of 2N for N code points.

-- Content, stored at files/blobs/<first two hex digits>/<sha256> in the data directory.
CREATE TABLE blobs (
  sha256 VARCHAR(64) NOT NULL,
  size_bytes BIGINT NOT NULL,
  -- how many files name it (files are not deleted yet, so it only grows)
  ref_count BIGINT NOT NULL,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (sha256)
);

-- A file someone sent: a name for a blob. Its id (22 base64url characters, 128 random bits)
-- is the link; whoever may read it is decided by where it was sent.
CREATE TABLE files (
  id VARCHAR(22) NOT NULL,
  owner_id BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  -- up to 255 code points, no path, no control characters
  name VARCHAR(510) NOT NULL,
  media_type VARCHAR(127) NOT NULL,
  size_bytes BIGINT NOT NULL,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT files_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT files_blob_fk FOREIGN KEY (sha256) REFERENCES blobs (sha256)
);

CREATE INDEX files_owner ON files (owner_id);

-- An upload under way (tus 1.0): the bytes so far are files/partial/<id>, whose length is the
-- offset. On completion the row goes and a file of the same id takes its place.
CREATE TABLE uploads (
  id VARCHAR(22) NOT NULL,
  owner_id BIGINT NOT NULL,
  length_bytes BIGINT NOT NULL,
  -- what the content must hash to, 64 lower-case hex digits, checked on completion
  sha256 VARCHAR(64) NOT NULL,
  name VARCHAR(510) NOT NULL,
  media_type VARCHAR(127) NOT NULL,
  created_ms BIGINT NOT NULL,
  -- the last time bytes arrived; an upload idle for files.partial-hours is deleted
  touched_ms BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uploads_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX uploads_owner ON uploads (owner_id);
CREATE INDEX uploads_touched ON uploads (touched_ms);

-- A message of kind 'file' names its file, so that the conversation's members may read it.
ALTER TABLE messages ADD COLUMN file_id VARCHAR(22);
CREATE INDEX messages_file ON messages (file_id);

-- The same for a meeting's chat: those it was for may read it.
ALTER TABLE meeting_messages ADD COLUMN file_id VARCHAR(22);
CREATE INDEX meeting_messages_file ON meeting_messages (file_id);
