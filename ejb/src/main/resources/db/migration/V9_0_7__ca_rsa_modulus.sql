-- Issue 9 item 5, ADR 0008. Every certified RSA modulus as lower-case hex (up to 4096 bits), so a
-- new RSA key is checked for a prime shared with any of them without parsing every certificate.
-- Certificates issued before this migration have none: see the ADR. Portable between H2 and PostgreSQL.

ALTER TABLE ca_certificate ADD COLUMN rsa_modulus VARCHAR(1024);
