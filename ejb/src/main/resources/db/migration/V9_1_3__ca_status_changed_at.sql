-- Issue 10. When a certificate's status last changed, so every node's OCSP responder drops the
-- responses it signed for a certificate another node revoked, held or released (it polls the
-- changes of the last seconds through this index). Certificates changed before this migration
-- have none; their responses were signed after the change. Portable between H2 and PostgreSQL.

ALTER TABLE ca_certificate ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ca_certificate_status_changed ON ca_certificate (status_changed_at);
