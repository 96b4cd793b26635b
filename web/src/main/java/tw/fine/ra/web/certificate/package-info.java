/**
 * The subscriber's pages about his certificates after issuance: the table with the files to save
 * (檢視憑證資訊) and suspend/resume (憑證停用／復用); the files come from
 * {@link tw.fine.ra.web.certificate.CertificateFileServlet}.
 */
package tw.fine.ra.web.certificate;
