package tw.fine.ra.web.support;

import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * A form posted from a page the server no longer knows (an expired view) or without the page's
 * CSP nonce (a client without JavaScript, a replayed request) is the visitor's stale page, not a
 * server fault: it gets the "page expired" page with status 400 and one WARN line, instead of an
 * HTTP 500 with a stack trace at ERROR.
 */
@WebFilter(urlPatterns = "*.xhtml", dispatcherTypes = DispatcherType.REQUEST)
public class StaleFormFilter extends HttpFilter {

    static final String EXPIRED_PAGE = "/expired.xhtml";
    private static final Logger LOG = Logger.getLogger(StaleFormFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Throwable stale = staleCause(e);
            if (stale == null || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "stale form post to " + request.getRequestURI() + " from " + request.getRemoteAddr()
                    + ": " + stale.getClass().getSimpleName() + ": " + stale.getMessage());
            response.reset();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            request.getRequestDispatcher(EXPIRED_PAGE).forward(new FreshGet(request), response);
        }
    }

    private static Throwable staleCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CspException || t instanceof ViewExpiredException || t instanceof ProtectedViewException) {
                return t;
            }
        }
        return null;
    }

    /** The same request seen as a plain GET without parameters, so the expired page renders anew. */
    private static final class FreshGet extends HttpServletRequestWrapper {

        FreshGet(HttpServletRequest request) {
            super(request);
        }

        @Override public String getMethod() { return "GET"; }
        @Override public String getParameter(String name) { return null; }
        @Override public Map<String, String[]> getParameterMap() { return Map.of(); }
        @Override public Enumeration<String> getParameterNames() { return Collections.emptyEnumeration(); }
        @Override public String[] getParameterValues(String name) { return null; }
        @Override public String getQueryString() { return null; }
    }
}
