-- Sign-in throttling with exponential back-off instead of a lock (issue 6, finding 5). One row per
-- throttled key: a user name from one client address, a user name from anywhere, a client address. Keys
-- are SHA-256 digests, so user names typed by mistake (often passwords) are not kept in the clear.
-- Every attempt is counted here, atomically, before its password is hashed; all instances share the rows.
CREATE TABLE authz.sign_in_throttle (
    throttle_key char(64) PRIMARY KEY,
    attempts int NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz NOT NULL
);
CREATE INDEX sign_in_throttle_last_attempt ON authz.sign_in_throttle (last_attempt_at);

-- The per-login lock it replaces: counted after hashing, without a lock, and usable by anyone to lock
-- any customer out.
ALTER TABLE authz.customer_login DROP COLUMN failed_attempts, DROP COLUMN locked_until;
