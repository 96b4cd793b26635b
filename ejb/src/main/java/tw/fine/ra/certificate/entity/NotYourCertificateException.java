package tw.fine.ra.certificate.entity;

import jakarta.ejb.ApplicationException;

/**
 * No certificate of the signed-in subscriber has that number: it does not exist or it is someone
 * else's, and the answer must not tell which (a page answers 404).
 */
@ApplicationException(rollback = true)
public class NotYourCertificateException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotYourCertificateException(long number) {
        super("no certificate " + number + " of the caller");
    }
}
