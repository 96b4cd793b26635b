package tw.fine.ra.ca.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * What a delta CRL lists: the difference between the full CRL it completes and the certificates
 * revoked or held now. Taken from the base CRL itself rather than from change times, so a change
 * committed while the base was being signed, or recorded by a node whose clock is behind, is never
 * lost between the two.
 *
 * @param listed  entries new or changed since the base (a revocation, a hold, a hold made a revocation)
 * @param removed entries of the base no longer listed (a hold released), each as the base had it
 */
public record CrlChanges(List<RevokedEntry> listed, List<RevokedEntry> removed) {

    /** @param current every entry a full CRL would list now, read once */
    public static CrlChanges since(byte[] baseDer, Iterable<RevokedEntry> current) {
        Map<BigInteger, RevokedEntry> base = entriesOf(baseDer);
        List<RevokedEntry> listed = new ArrayList<>();
        for (RevokedEntry entry : current) {
            RevokedEntry onBase = base.remove(entry.serial());
            if (!asOnACrl(entry).equals(onBase)) {
                listed.add(entry);
            }
        }
        List<RevokedEntry> removed = new ArrayList<>(base.values());
        removed.sort((a, b) -> a.serial().compareTo(b.serial()));
        return new CrlChanges(List.copyOf(listed), List.copyOf(removed));
    }

    private static Map<BigInteger, RevokedEntry> entriesOf(byte[] der) {
        try {
            X509CRLHolder crl = new X509CRLHolder(der);
            Map<BigInteger, RevokedEntry> entries = new HashMap<>();
            for (Object revoked : crl.getRevokedCertificates()) {
                X509CRLEntryHolder entry = (X509CRLEntryHolder) revoked;
                entries.put(entry.getSerialNumber(), new RevokedEntry(entry.getSerialNumber(),
                        entry.getRevocationDate().toInstant(), SignedCrl.reason(entry), invalidityDate(entry)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant invalidityDate(X509CRLEntryHolder entry) {
        Extension date = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.invalidityDate);
        try {
            return date == null ? null : ASN1GeneralizedTime.getInstance(date.getParsedValue()).getDate().toInstant();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("unreadable invalidity date", e);
        }
    }

    /** A CRL keeps whole seconds: an entry read back from one compares equal to the record it came from. */
    private static RevokedEntry asOnACrl(RevokedEntry entry) {
        return new RevokedEntry(entry.serial(), entry.revokedAt().truncatedTo(ChronoUnit.SECONDS), entry.reason(),
                entry.invalidSince() == null ? null : entry.invalidSince().truncatedTo(ChronoUnit.SECONDS));
    }
}
