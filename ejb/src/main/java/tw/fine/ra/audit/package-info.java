/**
 * The tamper-evident audit trail: every security-relevant action, success or failure, as a
 * numbered record that carries the hash of its predecessor, so editing, deleting or reordering
 * any row breaks the chain at that row. Successes are written in the caller's transaction (a
 * rolled-back action leaves no record of success); failures in their own. Auditors list, export
 * and verify it through {@code AuditReading}; verification walks from the genesis hash and names
 * the first record that does not hold. The chain proves edits, not authorship: someone able to
 * rewrite every row and the head with fresh hashes is caught only by comparing with an earlier
 * export or a head value kept elsewhere.
 */
package tw.fine.ra.audit;
