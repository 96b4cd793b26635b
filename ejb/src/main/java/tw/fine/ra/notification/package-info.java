/**
 * Mail to organizations' certificate contacts. Business transactions only add a message to the
 * outbox table; a timer delivers it after the commit and retries while the SMTP server is down,
 * so a rolled-back action never sends mail and an outage delays mail without losing it.
 */
package tw.fine.ra.notification;
