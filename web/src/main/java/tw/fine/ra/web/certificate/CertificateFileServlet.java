package tw.fine.ra.web.certificate;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import tw.fine.ra.certificate.boundary.Certificates;
import tw.fine.ra.certificate.entity.CertificateFile;
import tw.fine.ra.certificate.entity.CertificateFormat;
import tw.fine.ra.certificate.entity.NotYourCertificateException;

/**
 * Saves one of the signed-in subscriber's certificates: {@code /app/certificate-file?number=N&format=der|pem},
 * or the CA chain with {@code format=chain}. A number that is not the caller's answers 404, as an
 * unknown one does (the boundary audits it).
 */
@WebServlet(CertificateFileServlet.PATH)
public class CertificateFileServlet extends HttpServlet {

    public static final String PATH = "/app/certificate-file";

    private static final long serialVersionUID = 1L;

    @EJB
    private transient Certificates certificates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CertificateFormat format = format(request.getParameter("format"));
        CertificateFile file;
        try {
            if (format == CertificateFormat.CHAIN) {
                file = certificates.caChain();
            } else if (format == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            } else {
                file = certificates.save(Long.parseLong(request.getParameter("number")), format,
                        request.getRemoteAddr());
            }
        } catch (NumberFormatException | NotYourCertificateException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLength(file.content().length);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(file.content());
    }

    private static CertificateFormat format(String text) {
        try {
            return text == null ? null : CertificateFormat.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
