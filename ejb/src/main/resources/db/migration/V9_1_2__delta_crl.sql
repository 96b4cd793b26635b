-- A delta CRL (RFC 5280 5.2.4) is stored beside the full CRLs, numbered from the same counter; it
-- names the full CRL it completes. NULL: a full CRL.
ALTER TABLE ca_crl ADD COLUMN base_number BIGINT;
