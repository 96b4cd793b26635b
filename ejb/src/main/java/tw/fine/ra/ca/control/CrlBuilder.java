package tw.fine.ra.ca.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.operator.ContentSigner;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * Signs full and delta CRLs (RFC 5280 5) for the issuing CA, and the offline root's full CRLs. The
 * entries are written to DER one by one as they are read (a CRL of 100,000 built as Bouncy Castle
 * objects and encoded afterwards took longer than OpenSSL's whole {@code ca -gencrl}); the small parts
 * (names, extensions, algorithm) are Bouncy Castle's encodings.
 */
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
     * database is written out as it arrives, each entry straight to DER.
     */
    public byte[] full(BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, Iterable<RevokedEntry> entries) {
        DerBuffer revoked = new DerBuffer(64 * 1024);
        DerBuffer entry = new DerBuffer(256);
        for (RevokedEntry each : entries) {
            writeEntry(revoked, entry, each, reasonExtensions(each));
        }
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            if (deltaCrlUrl != null) {
                // RFC 5280 5.2.6: non-critical, in full CRLs only
                extensions.addExtension(Extension.freshestCRL, false, Extensions.distributionPoint(deltaCrlUrl));
            }
            return signed(thisUpdate, nextUpdate, revoked, extensions, crlNumber);
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
        DerBuffer revoked = new DerBuffer(1024);
        DerBuffer entry = new DerBuffer(256);
        for (RevokedEntry each : changes.listed()) {
            writeEntry(revoked, entry, each, reasonExtensions(each));
        }
        for (RevokedEntry each : changes.removed()) {
            writeEntry(revoked, entry, each, REMOVE_FROM_CRL);
        }
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(baseNumber));
            return signed(thisUpdate, nextUpdate, revoked, extensions, crlNumber);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry as a CRL built here encodes it (RFC 5280 5.1: serial, revocationDate, extensions). */
    static byte[] encoded(RevokedEntry entry) {
        DerBuffer out = new DerBuffer(64);
        writeEntry(out, new DerBuffer(64), entry, reasonExtensions(entry));
        return out.toByteArray();
    }

    private static void writeEntry(DerBuffer out, DerBuffer entry, RevokedEntry revoked, byte[] extensions) {
        entry.clear().element(INTEGER, revoked.serial().toByteArray());
        writeTime(entry, revoked.revokedAt());
        if (extensions != null) {
            entry.write(extensions);
        }
        out.element(SEQUENCE, entry);
    }

    /**
     * RFC 5280 5.1.2.4 in whole seconds: UTCTime through 2049, GeneralizedTime from 2050, as Bouncy
     * Castle's {@code Time(Date)} encodes it, without its slow date formatting.
     */
    private static void writeTime(DerBuffer out, Instant at) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        if (utc.getYear() >= 1950 && utc.getYear() < 2050) {
            out.tagAndLength(UTC_TIME, 13).twoDigits(utc.getYear() % 100).twoDigits(utc.getMonthValue())
                    .twoDigits(utc.getDayOfMonth()).twoDigits(utc.getHour()).twoDigits(utc.getMinute())
                    .twoDigits(utc.getSecond()).octet('Z');
        } else {
            out.write(der(new Time(Date.from(at))));
        }
    }

    /**
     * The TBSCertList (RFC 5280 5.1.2) around the entries written, with the CRL extensions given and
     * the authority key identifier and CRL number, signed by the CA.
     */
    private byte[] signed(Instant thisUpdate, Instant nextUpdate, DerBuffer revoked, ExtensionsGenerator extensions,
            BigInteger crlNumber) throws IOException {
        extensions.addExtension(Extension.authorityKeyIdentifier, false, Extensions.authorityKeyIdFor(ca.certificate()));
        extensions.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
        ContentSigner signer = ca.signing().contentSigner();
        byte[] algorithm = der(signer.getAlgorithmIdentifier());
        DerBuffer fields = new DerBuffer(revoked.size() + 2048);
        fields.write(VERSION_2).write(algorithm).write(der(ca.name()));
        writeTime(fields, thisUpdate);
        writeTime(fields, nextUpdate);
        if (revoked.size() > 0) {
            fields.element(SEQUENCE, revoked);
        }
        fields.element(EXTENSIONS_TAG, der(extensions.generate()));
        DerBuffer tbs = new DerBuffer(fields.size() + 8).element(SEQUENCE, fields);
        byte[] signature;
        try (OutputStream toSign = signer.getOutputStream()) {
            toSign.write(tbs.toByteArray());
        }
        signature = signer.getSignature();
        DerBuffer list = tbs.write(algorithm).tagAndLength(BIT_STRING, signature.length + 1).octet(0).write(signature);
        return new DerBuffer(list.size() + 8).element(SEQUENCE, list).toByteArray();
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int UTC_TIME = 0x17;
    private static final int SEQUENCE = 0x30;
    /** crlExtensions [0] EXPLICIT */
    private static final int EXTENSIONS_TAG = 0xA0;
    /** version INTEGER v2(1) */
    private static final byte[] VERSION_2 = {INTEGER, 1, 1};

    private static final byte[] REMOVE_FROM_CRL = removeFromCrl();

    private static byte[] removeFromCrl() {
        try {
            ExtensionsGenerator generator = new ExtensionsGenerator();
            generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(CRLReason.removeFromCRL));
            return der(generator.generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One encoded extension set per reason, shared by all entries: a CRL may list 100,000. */
    private static final Map<RevocationReason, byte[]> REASONS = reasons();

    /** Entries with an invalidity date are few (a revocation dated back); they get their own set. Null: none. */
    private static byte[] reasonExtensions(RevokedEntry entry) {
        if (entry.invalidSince() == null) {
            return REASONS.get(entry.reason());
        }
        ExtensionsGenerator generator = entryExtensions(entry.reason());
        generator.addExtension(invalidityDateExtension(entry.invalidSince()));
        return der(generator.generate());
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

    private static Map<RevocationReason, byte[]> reasons() {
        Map<RevocationReason, byte[]> map = new EnumMap<>(RevocationReason.class);
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason.code() != 0) {
                map.put(reason, der(entryExtensions(reason).generate()));
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
