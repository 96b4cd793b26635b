package tw.fine.ra.ca.entity;

/** CRLReason of RFC 5280 5.3.1, with the codes that go on the CRL and into OCSP responses. */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    PRIVILEGE_WITHDRAWN(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Hold is reversible and has its own operation; a revocation is for good. */
    public boolean isPermanent() {
        return this != CERTIFICATE_HOLD;
    }
}
