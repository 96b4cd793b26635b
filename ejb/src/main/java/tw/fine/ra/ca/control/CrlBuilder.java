package tw.fine.ra.ca.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509v2CRLBuilder;

/** Signs full CRLs (RFC 5280 5) for the issuing CA. */
public final class CrlBuilder {

    private final IssuingCa ca;

    public CrlBuilder(IssuingCa ca) {
        this.ca = ca;
    }

    /** DER of a full CRL listing every entry given. */
    public byte[] full(BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, Iterable<RevokedEntry> entries) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.name(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (RevokedEntry entry : entries) {
            builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), reasonExtensions(entry));
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false, Extensions.authorityKeyIdFor(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            return builder.build(ca.signing().contentSigner()).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 5280 5.3.1: the reason code is omitted rather than given as unspecified. */
    private static org.bouncycastle.asn1.x509.Extensions reasonExtensions(RevokedEntry entry) {
        ExtensionsGenerator generator = new ExtensionsGenerator();
        if (entry.reason().code() != 0) {
            try {
                generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(entry.reason().code()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return generator.isEmpty() ? null : generator.generate();
    }
}
