package tw.fine.ra.ca.entity;

import jakarta.ejb.ApplicationException;

/** A certificate request the CA refuses; nothing of it is kept. */
@ApplicationException(rollback = true)
public class RequestRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, so the RA can tell the subscriber something precise. */
    public enum Reason {
        MALFORMED_REQUEST,
        NO_PROOF_OF_POSSESSION,
        WEAK_SIGNATURE_ALGORITHM,
        UNSUPPORTED_KEY,
        /** The organization's unified business number fails the Ministry of Finance check. */
        INVALID_BUSINESS_NUMBER,
        /** The subscriber id is not {@code <the organization's UBN>-00-NNNN}. */
        SUBSCRIBER_NOT_OF_ORGANIZATION,
        /** Key screening (docs/adr/0008): an RSA modulus below 2048 bits. */
        RSA_KEY_TOO_SHORT,
        /** An RSA modulus above 4096 bits: more than any profile certifies, and costly to screen. */
        RSA_KEY_TOO_LONG,
        /** An even public exponent or one below 65537. */
        RSA_WEAK_EXPONENT,
        /** The modulus has a prime factor below 2^16. */
        RSA_SMALL_FACTOR,
        /** The two primes are so close that Fermat's method factors the modulus at once. */
        RSA_CLOSE_PRIMES,
        /** The modulus carries the ROCA fingerprint (CVE-2017-15361): factorable from the public key. */
        RSA_ROCA_FINGERPRINT,
        /** The modulus shares a prime with one already certified: both keys are factored by a GCD. */
        RSA_SHARED_PRIME,
        /** The EC public point is at infinity or not on the named curve. */
        EC_POINT_INVALID,
        /** The key does not fit the certificate's key usage (an encryption certificate needs RSA-2048). */
        KEY_UNFIT_FOR_USAGE,
        SAME_KEY_FOR_BOTH_CERTIFICATES,
        KEY_ALREADY_CERTIFIED,
        REQUEST_ID_REUSED
    }

    private final Reason reason;

    public RequestRejectedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
