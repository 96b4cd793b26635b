-- Certificates issued by the CA, the requests they came from, and published CRLs.
-- Portable between H2 and PostgreSQL: binary values are base64 text.

CREATE SEQUENCE ca_certificate_seq START WITH 1 INCREMENT BY 20;
CREATE SEQUENCE ca_crl_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE ca_issuance_request (
    request_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    subscriber_id       VARCHAR(32)   NOT NULL,
    signing_request     VARCHAR(8192) NOT NULL,
    encryption_request  VARCHAR(8192) NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ca_certificate (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    issuer_dn           VARCHAR(512)  NOT NULL,
    serial_hex          VARCHAR(40)   NOT NULL,
    request_id          VARCHAR(64)   NOT NULL REFERENCES ca_issuance_request (request_id),
    subscriber_id       VARCHAR(32)   NOT NULL,
    cert_usage          VARCHAR(16)   NOT NULL,
    status              VARCHAR(24)   NOT NULL,
    revocation_reason   VARCHAR(32),
    revoked_at          TIMESTAMP WITH TIME ZONE,
    not_before          TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after           TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    subject_dn          VARCHAR(512)  NOT NULL,
    key_fingerprint     VARCHAR(64)   NOT NULL,
    der                 VARCHAR(8192) NOT NULL,
    version             BIGINT        NOT NULL,
    -- RFC 5280 4.1.2.2: a serial names one certificate of an issuer
    CONSTRAINT ca_certificate_issuer_serial UNIQUE (issuer_dn, serial_hex),
    -- one key, one certificate: no key certified for two subscribers or twice
    CONSTRAINT ca_certificate_key UNIQUE (key_fingerprint)
);
CREATE INDEX ca_certificate_subscriber ON ca_certificate (subscriber_id);
CREATE INDEX ca_certificate_request ON ca_certificate (request_id);
CREATE INDEX ca_certificate_status ON ca_certificate (status);

CREATE TABLE ca_crl (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    issuer_dn           VARCHAR(512)  NOT NULL,
    crl_number          BIGINT        NOT NULL,
    this_update         TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update         TIMESTAMP WITH TIME ZONE NOT NULL,
    entries             INTEGER       NOT NULL,
    CONSTRAINT ca_crl_issuer_number UNIQUE (issuer_dn, crl_number)
);

CREATE TABLE ca_crl_part (
    crl_id              BIGINT        NOT NULL REFERENCES ca_crl (id),
    part_index          INTEGER       NOT NULL,
    part                VARCHAR(30000) NOT NULL,
    PRIMARY KEY (crl_id, part_index)
);
