-- Certificate applications (tw.fine.ra.certificate): one open application per subscriber (the
-- unique open_subscriber_id, NULL once completed), its card and step.
-- The id is also the CA's request id (issuance_request), so a repeated issuance returns one pair.

CREATE TABLE certificate_application (
    id                     VARCHAR(64)   NOT NULL PRIMARY KEY,
    subscriber_id          VARCHAR(32)   NOT NULL,
    open_subscriber_id     VARCHAR(32),
    card_guid              VARCHAR(32)   NOT NULL,
    step                   VARCHAR(16)   NOT NULL,
    signing_certificate    BIGINT,
    encryption_certificate BIGINT,
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT        NOT NULL,
    CONSTRAINT certificate_application_one_open UNIQUE (open_subscriber_id)
);
CREATE INDEX certificate_application_subscriber ON certificate_application (subscriber_id);
