package tw.fine.ra.ca.entity;

import jakarta.ejb.ApplicationException;

/** A lifecycle step the certificate's status does not allow, e.g. releasing a revoked certificate. */
@ApplicationException(rollback = true)
public class IllegalStatusTransitionException extends Exception {

    private static final long serialVersionUID = 1L;

    public IllegalStatusTransitionException(String certificateNumber, CertificateStatus from, CertificateStatus to) {
        super("certificate " + certificateNumber + " cannot go from " + from + " to " + to);
    }
}
