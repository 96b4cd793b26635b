package tw.fine.ra.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Nothing of the signed-in areas is kept by a browser or proxy cache: after sign-out, the back
 * button and a shared computer's history show no subscriber data. Declared in {@code web.xml},
 * first of the signed-in areas' filters, so even their redirects carry it.
 */
public class PrivatePages extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
