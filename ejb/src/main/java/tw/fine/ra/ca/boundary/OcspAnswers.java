package tw.fine.ra.ca.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import tw.fine.ra.ca.control.OcspResponder;
import tw.fine.ra.ca.entity.OcspAnswer;

/**
 * The OCSP responder for the servlet at {@code /pki/ocsp}: an OCSP response for any input, malformed
 * or not, with what its HTTP caching headers need. Not a session bean, unlike the other boundaries:
 * the answer to a known certificate comes from memory with no transaction, database or security
 * context, and relying parties ask it more than anything else, so it skips the EJB container's
 * interceptors (docs/adr/0013).
 */
@ApplicationScoped
public class OcspAnswers {

    @Inject
    OcspResponder responder;

    public OcspAnswer answer(byte[] request) {
        return responder.respond(request);
    }
}
