package tw.fine.ra.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ResourceBundle;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.certificate.entity.ApplicationRefusedException;
import tw.fine.ra.certificate.entity.DownloadRefusedException;
import tw.fine.ra.web.i18n.LocaleSelection;

/** Business refusals as 409 with the reason and its message in the subscriber's language. */
public final class Refusals {

    private Refusals() {
    }

    static Response refused(HttpServletRequest request, String code, String messageKey) {
        ResourceBundle bundle = ResourceBundle.getBundle("tw.fine.ra.web.messages", LocaleSelection.of(request));
        String message = bundle.containsKey(messageKey) ? bundle.getString(messageKey) : code;
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message)).build();
    }

    @Provider
    public static class Application implements ExceptionMapper<ApplicationRefusedException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(ApplicationRefusedException e) {
            return refused(request, e.reason().name(), e.messageKey());
        }
    }

    @Provider
    public static class Card implements ExceptionMapper<CardRefusedException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(CardRefusedException e) {
            return refused(request, e.reason().name(), e.messageKey());
        }
    }

    @Provider
    public static class Download implements ExceptionMapper<DownloadRefusedException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(DownloadRefusedException e) {
            return refused(request, e.reason().name(), e.messageKey());
        }
    }
}
