-- Sessions end with the password: every session remembers the account's epoch at sign-in, and a
-- password change, a reset or a lock moves it on (issue 9, ADR 0006).
ALTER TABLE account ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;
