-- The last CRL number of each issuer, in one row that a publication locks (SELECT ... FOR UPDATE)
-- before it reads the revoked certificates: publications on any number of nodes take their turns,
-- each reads what the previous one committed, and numbers never collide.
CREATE TABLE ca_crl_counter (
    issuer_dn           VARCHAR(512)  NOT NULL PRIMARY KEY,
    last_number         BIGINT        NOT NULL
);
INSERT INTO ca_crl_counter (issuer_dn, last_number)
    SELECT issuer_dn, MAX(crl_number) FROM ca_crl GROUP BY issuer_dn;
