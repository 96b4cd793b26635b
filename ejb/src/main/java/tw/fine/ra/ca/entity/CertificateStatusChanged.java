package tw.fine.ra.ca.entity;

import java.math.BigInteger;

/** Fired inside the transaction that revoked, held or released a certificate. */
public record CertificateStatusChanged(long certificateNumber, BigInteger serial) {
}
