/**
 * The auditor's page: the trail page by page with filters, times in Asia/Taipei, a CSV export of
 * what the filter selects, and a verification of the whole chain. It only calls
 * {@code AuditReading}, which refuses anyone but an auditor and records exports and verifications.
 */
package tw.fine.ra.web.audit;
