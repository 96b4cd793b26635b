/**
 * The tamper-evident audit trail: every security-relevant action, success or failure, as a
 * numbered record that carries the hash of its predecessor, so editing, deleting or reordering
 * any row breaks the chain at that row. Successes are written in the caller's transaction (a
 * rolled-back action leaves no record of success); failures in their own. Auditors list, export
 * and verify it through {@code AuditReading}; verification walks from the genesis hash and names
 * the first record that does not hold. The chain alone proves edits, not authorship: someone able
 * to rewrite every row and the head with fresh hashes would pass it, so the head is also signed into
 * checkpoints with the audit key from the CA key store, kept in the database and outside it (a file,
 * mail to the auditors), and verification holds the chain against the latest one outside (ADR 0009).
 */
package tw.fine.ra.audit;
