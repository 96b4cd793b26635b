package tw.fine.ra.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import tw.fine.ra.platform.Settings;

/**
 * CSRF defence of the JSON API: every call is a JSON POST (a cross-site form cannot send one
 * without a CORS preflight, which this API never grants) whose {@code Origin} is one of the RA's
 * configured origins ({@code FINE_RA_ORIGINS}); anything else is 403 before a boundary runs.
 */
@Provider
public class SameOriginOnly implements ContainerRequestFilter {

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        boolean json = MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType());
        if (!"POST".equals(request.getMethod()) || !json || origin == null || !settings.raOrigins().contains(origin)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("FORBIDDEN", "same-origin JSON POST only")).build());
        }
    }
}
