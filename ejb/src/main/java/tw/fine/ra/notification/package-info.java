/**
 * Mail to organizations' certificate contacts. Business transactions only add a message to the
 * outbox table; a timer delivers it after the commit and retries while the SMTP server is down,
 * so a rolled-back action never sends mail and an outage delays mail without losing it.
 *
 * <p>Each attempt runs in its own transaction that locks the message row with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes of a cluster never send the same message at the same
 * time, and marks it sent in the same transaction. What remains is the window after the SMTP
 * server has accepted the message and before that commit: if the node dies, the database fails
 * or the server's final reply is lost there, the message stays pending and goes out a second time.
 * Such a duplicate carries the same {@code Message-ID}, so mail clients can fold it.
 */
package tw.fine.ra.notification;
