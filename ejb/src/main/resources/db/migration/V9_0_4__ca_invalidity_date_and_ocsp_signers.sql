-- Issue 9. Revocation dates (RFC 5280 5.3.2): revoked_at stays the time the CA recorded a
-- revocation; a caller's earlier date goes into invalidity_date (the CRL entry's invalidityDate).
-- The monthly OCSP signer certificates are kept beside the subscribers' (cert_usage OCSP_SIGNING):
-- they come from no issuance request and belong to no subscriber.
-- Portable between H2 and PostgreSQL.

ALTER TABLE ca_certificate ADD COLUMN invalidity_date TIMESTAMP WITH TIME ZONE;
ALTER TABLE ca_certificate ALTER COLUMN request_id DROP NOT NULL;
ALTER TABLE ca_certificate ALTER COLUMN subscriber_id DROP NOT NULL;
