package tw.fine.ra.ca.boundary;

import jakarta.ejb.ApplicationException;

/** No certificate with that number exists. */
@ApplicationException(rollback = true)
public class UnknownCertificateException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnknownCertificateException(String certificateNumber) {
        super("no certificate " + certificateNumber);
    }
}
