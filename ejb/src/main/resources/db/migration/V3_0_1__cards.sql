-- The card registry and the relayed management-key authentications (tw.fine.ra.card).
-- Portable between H2 and PostgreSQL.

CREATE TABLE card (
    guid                 VARCHAR(32)  NOT NULL PRIMARY KEY,
    subscriber_id        VARCHAR(32)  NOT NULL,
    status               VARCHAR(24)  NOT NULL,
    -- the subscriber while the card is active (personalized, issued, blocked), else NULL: with the
    -- unique constraint below, one active card per subscriber. (A partial unique index would say
    -- it shorter, but H2 has none; both databases let a unique column hold many NULLs.)
    active_subscriber_id VARCHAR(32),
    applet_version       VARCHAR(16),
    registered_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by        VARCHAR(64)  NOT NULL,
    personalized_at      TIMESTAMP WITH TIME ZONE,
    personalized_by      VARCHAR(64),
    status_changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT card_one_active_per_subscriber UNIQUE (active_subscriber_id),
    CONSTRAINT card_active_follows_status CHECK (
        (status IN ('PERSONALIZED', 'ISSUED_TO_SUBSCRIBER', 'BLOCKED') AND active_subscriber_id = subscriber_id)
        OR (status IN ('BLANK', 'RETIRED') AND active_subscriber_id IS NULL))
);
CREATE INDEX card_subscriber ON card (subscriber_id);

-- Between the server's answer to a card's witness and the card's response; only the server's
-- challenge (seen by page and agent anyway), never a key.
CREATE TABLE card_authentication (
    id                   VARCHAR(32)  NOT NULL PRIMARY KEY,
    card_guid            VARCHAR(32)  NOT NULL REFERENCES card (guid),
    subscriber_id        VARCHAR(32)  NOT NULL,
    challenge            VARCHAR(64)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at              TIMESTAMP WITH TIME ZONE,
    proved_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX card_authentication_card ON card_authentication (card_guid, subscriber_id);
CREATE INDEX card_authentication_expiry ON card_authentication (expires_at);
