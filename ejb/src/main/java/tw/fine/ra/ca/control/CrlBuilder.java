package tw.fine.ra.ca.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v2CRLBuilder;
import tw.fine.ra.ca.entity.RevocationReason;

/** Signs full and delta CRLs (RFC 5280 5) for the issuing CA, and the offline root's full CRLs. */
public final class CrlBuilder {

    private final IssuingCa ca;
    private final String deltaCrlUrl;

    /** A builder for CRLs without delta CRLs (the root's). */
    public CrlBuilder(IssuingCa ca) {
        this(ca, null);
    }

    /** @param deltaCrlUrl where the delta CRLs are, named in each full CRL's Freshest CRL extension */
    public CrlBuilder(IssuingCa ca, String deltaCrlUrl) {
        this.ca = ca;
        this.deltaCrlUrl = deltaCrlUrl;
    }

    /**
     * DER of a full CRL listing every entry given, read once in the order given: a stream from the
     * database is added as it arrives.
     */
    public byte[] full(BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, Iterable<RevokedEntry> entries) {
        X509v2CRLBuilder builder = started(thisUpdate, nextUpdate, entries);
        try {
            if (deltaCrlUrl != null) {
                // RFC 5280 5.2.6: non-critical, in full CRLs only
                builder.addExtension(Extension.freshestCRL, false, Extensions.distributionPoint(deltaCrlUrl));
            }
            return signed(builder, crlNumber);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * DER of a delta CRL (RFC 5280 5.2.4) completing the full CRL {@code baseNumber}: the entries
     * listed since, and {@code removed} as removeFromCRL (holds released since).
     */
    public byte[] delta(BigInteger crlNumber, BigInteger baseNumber, Instant thisUpdate, Instant nextUpdate,
            CrlChanges changes) {
        X509v2CRLBuilder builder = started(thisUpdate, nextUpdate, changes.listed());
        for (RevokedEntry entry : changes.removed()) {
            builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), REMOVE_FROM_CRL);
        }
        try {
            builder.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(baseNumber));
            return signed(builder, crlNumber);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X509v2CRLBuilder started(Instant thisUpdate, Instant nextUpdate, Iterable<RevokedEntry> entries) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.name(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (RevokedEntry entry : entries) {
            builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), reasonExtensions(entry));
        }
        return builder;
    }

    /** One entry as a CRL built here encodes it (RFC 5280 5.1: serial, revocationDate, extensions). */
    static ASN1Primitive encoded(RevokedEntry entry) {
        ASN1EncodableVector fields = new ASN1EncodableVector(3);
        fields.add(new ASN1Integer(entry.serial()));
        fields.add(time(entry.revokedAt()));
        org.bouncycastle.asn1.x509.Extensions extensions = reasonExtensions(entry);
        if (extensions != null) {
            fields.add(extensions);
        }
        return new DERSequence(fields);
    }

    /** RFC 5280 5.1.2.4 as Bouncy Castle's {@code Time(Date)} encodes it, without its slow date formatting. */
    private static Time time(Instant at) {
        int year = at.atOffset(ZoneOffset.UTC).getYear();
        return year >= 1950 && year < 2050 ? new Time(new DERUTCTime(UTC_TIME.format(at))) : new Time(Date.from(at));
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private byte[] signed(X509v2CRLBuilder builder, BigInteger crlNumber) throws IOException {
        builder.addExtension(Extension.authorityKeyIdentifier, false, Extensions.authorityKeyIdFor(ca.certificate()));
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
        return builder.build(ca.signing().contentSigner()).getEncoded();
    }

    private static final org.bouncycastle.asn1.x509.Extensions REMOVE_FROM_CRL = removeFromCrl();

    private static org.bouncycastle.asn1.x509.Extensions removeFromCrl() {
        try {
            ExtensionsGenerator generator = new ExtensionsGenerator();
            generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(CRLReason.removeFromCRL));
            return generator.generate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One immutable extension set per reason, shared by all entries: a CRL may list 100,000. */
    private static final Map<RevocationReason, org.bouncycastle.asn1.x509.Extensions> REASONS = reasons();

    /** Entries with an invalidity date are few (a revocation dated back); they get their own set. */
    private static org.bouncycastle.asn1.x509.Extensions reasonExtensions(RevokedEntry entry) {
        if (entry.invalidSince() == null) {
            return REASONS.get(entry.reason());
        }
        ExtensionsGenerator generator = entryExtensions(entry.reason());
        generator.addExtension(invalidityDateExtension(entry.invalidSince()));
        return generator.generate();
    }

    /**
     * The invalidityDate alone, for an OCSP single response (RFC 6960 4.4 admits the CRL entry
     * extensions there); null without a date.
     */
    static org.bouncycastle.asn1.x509.Extensions invalidityDate(Instant invalidSince) {
        return invalidSince == null ? null
                : new org.bouncycastle.asn1.x509.Extensions(invalidityDateExtension(invalidSince));
    }

    /** RFC 5280 5.3.2: GeneralizedTime in whole seconds, GMT. */
    private static Extension invalidityDateExtension(Instant invalidSince) {
        try {
            return new Extension(Extension.invalidityDate, false, new ASN1GeneralizedTime(
                    Date.from(invalidSince.truncatedTo(ChronoUnit.SECONDS))).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<RevocationReason, org.bouncycastle.asn1.x509.Extensions> reasons() {
        Map<RevocationReason, org.bouncycastle.asn1.x509.Extensions> map = new EnumMap<>(RevocationReason.class);
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason.code() != 0) {
                map.put(reason, entryExtensions(reason).generate());
            }
        }
        return map;
    }

    /** RFC 5280 5.3.1: the reason code is omitted rather than given as unspecified. */
    private static ExtensionsGenerator entryExtensions(RevocationReason reason) {
        ExtensionsGenerator generator = new ExtensionsGenerator();
        if (reason.code() != 0) {
            try {
                generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(reason.code()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return generator;
    }
}
