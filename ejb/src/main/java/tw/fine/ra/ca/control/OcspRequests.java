package tw.fine.ra.ca.control;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;

/**
 * Reads an OCSP request to the end, within limits, before anything is looked up or signed: Bouncy
 * Castle parses lazily, so a structure broken deep inside would otherwise fail later, as if the failure
 * were ours. Anything the parser throws, a {@link StackOverflowError} of a deeply nested input included,
 * makes the request malformed.
 */
final class OcspRequests {

    /** Each CertID is a status lookup and a line to sign; clients ask for one, OpenSSL for a few. */
    static final int MAX_CERT_IDS = 10;
    /** RFC 5280 4.1.2.2: conforming serials have at most 20 octets, ours 16 or fewer. */
    static final int MAX_SERIAL_OCTETS = 20;
    /** RFC 9654: Nonce ::= OCTET STRING (SIZE(1..32)). */
    static final int MAX_NONCE_OCTETS = 32;

    record Checked(CertificateID[] ids, Extension nonce) {
    }

    /** A request that gets no statuses; {@code kind} names the reason in the log. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed(String kind) {
            super(kind, null, false, false);
        }
    }

    private OcspRequests() {
    }

    static Checked read(byte[] der) throws Malformed {
        try {
            return check(new OCSPReq(der));
        } catch (Malformed e) {
            throw e;
        } catch (StackOverflowError | Exception e) {
            throw new Malformed("unparsable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Checked check(OCSPReq request) throws Malformed {
        Req[] requests = request.getRequestList();
        if (requests.length == 0 || requests.length > MAX_CERT_IDS) {
            throw new Malformed("CertIDs not 1 to " + MAX_CERT_IDS);
        }
        CertificateID[] ids = new CertificateID[requests.length];
        for (int i = 0; i < requests.length; i++) {
            ids[i] = requests[i].getCertID();
            // the minimal two's complement, as DER encodes it
            if (ids[i].getSerialNumber().toByteArray().length > MAX_SERIAL_OCTETS) {
                throw new Malformed("serial over " + MAX_SERIAL_OCTETS + " octets");
            }
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            int length = nonceLength(nonce.getExtnValue().getOctets());
            if (length < 1 || length > MAX_NONCE_OCTETS) {
                throw new Malformed("nonce not 1 to " + MAX_NONCE_OCTETS + " octets");
            }
        }
        return new Checked(ids, nonce);
    }

    /** The nonce is an OCTET STRING inside the extension's value; some older clients put the bare octets there. */
    private static int nonceLength(byte[] value) {
        if (value.length > MAX_NONCE_OCTETS + 2) {
            return value.length;
        }
        try {
            if (ASN1Primitive.fromByteArray(value) instanceof ASN1OctetString nonce) {
                return nonce.getOctets().length;
            }
        } catch (IOException | RuntimeException e) {
            // bare octets
        }
        return value.length;
    }
}
