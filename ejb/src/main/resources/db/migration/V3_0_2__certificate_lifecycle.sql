-- The subscriber's side of the certificate lifecycle: nonces for the card's proof of possession
-- when a held pair is resumed. A nonce is spent by its first use; old rows are only history.

CREATE TABLE certificate_resume_challenge (
    nonce               VARCHAR(64)   NOT NULL PRIMARY KEY,
    subscriber_id       VARCHAR(32)   NOT NULL,
    origin              VARCHAR(256)  NOT NULL,
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX certificate_resume_challenge_subscriber ON certificate_resume_challenge (subscriber_id);
