package tw.fine.ra.ca.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** The application's one OCSP responder, so its pre-signed responses are shared by all requests. */
@ApplicationScoped
public class Ocsp {

    @Inject
    CaKeys keys;

    @Inject
    CertificateStatusLookup lookup;

    @Inject
    Clock clock;

    private OcspResponder responder;

    @PostConstruct
    void create() {
        responder = new OcspResponder(keys.ca(), keys::ocspSigner, lookup::stateOf, clock,
                keys.settings().ocspResponseValidity());
    }

    public byte[] respond(byte[] request) {
        return responder.respond(request);
    }
}
