-- Issue 10, ADR 0008. Each certified RSA modulus gets a position in the order its transaction
-- committed, so every node's in-memory product of the moduli picks up exactly the ones it has not
-- seen (position > the highest it holds). Positions are taken from the one counter row, locked
-- (SELECT ... FOR UPDATE) from then until commit: when a transaction holds it, every lower position
-- is committed. Ids cannot serve: a pooled sequence hands them out before commit, out of order.
-- Existing moduli take their certificate's id, the counter the highest. Portable between H2 and PostgreSQL.
CREATE TABLE ca_modulus_counter (
    id                  INTEGER       NOT NULL PRIMARY KEY,
    last_position       BIGINT        NOT NULL
);
ALTER TABLE ca_certificate ADD COLUMN modulus_position BIGINT;
UPDATE ca_certificate SET modulus_position = id WHERE rsa_modulus IS NOT NULL;
CREATE UNIQUE INDEX ca_certificate_modulus_position ON ca_certificate (modulus_position);
INSERT INTO ca_modulus_counter (id, last_position)
    SELECT 1, COALESCE(MAX(modulus_position), 0) FROM ca_certificate;
