/**
 * The tamper-evident audit trail: every security-relevant action, success or failure, as a
 * numbered record that carries the hash of its predecessor, so editing, deleting or reordering
 * any row breaks the chain at that row. Successes are written in the caller's transaction (a
 * rolled-back action leaves no record of success); failures in their own.
 */
package tw.fine.ra.audit;
