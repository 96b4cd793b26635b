package tw.fine.ra.ca.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.TBSCertList;
import tw.fine.ra.ca.entity.RevocationReason;

/**
 * What a delta CRL lists: the difference between the full CRL it completes and the certificates
 * revoked or held now. Taken from the base CRL itself rather than from change times, so a change
 * committed while the base was being signed, or recorded by a node whose clock is behind, is never
 * lost between the two.
 *
 * @param listed  entries new or changed since the base (a revocation, a hold, a hold made a revocation)
 * @param removed entries of the base no longer listed (a hold released), with the base's revocation date
 */
public record CrlChanges(List<RevokedEntry> listed, List<RevokedEntry> removed) {

    /** @param current every entry a full CRL would list now, read once */
    public static CrlChanges since(byte[] baseDer, Iterable<RevokedEntry> current) {
        Map<BigInteger, TBSCertList.CRLEntry> base = entriesOf(baseDer);
        List<RevokedEntry> listed = new ArrayList<>();
        for (RevokedEntry entry : current) {
            // compared as encoded: a CRL keeps whole seconds, and decoding 100,000 dates is slow
            TBSCertList.CRLEntry onBase = base.remove(entry.serial());
            if (onBase == null || !Arrays.equals(encoded(onBase), CrlBuilder.encoded(entry))) {
                listed.add(entry);
            }
        }
        List<RevokedEntry> removed = new ArrayList<>();
        for (TBSCertList.CRLEntry entry : base.values()) {
            removed.add(new RevokedEntry(entry.getUserCertificate().getValue(), entry.getRevocationDate().getDate()
                    .toInstant(), RevocationReason.CERTIFICATE_HOLD));
        }
        removed.sort((a, b) -> a.serial().compareTo(b.serial()));
        return new CrlChanges(List.copyOf(listed), List.copyOf(removed));
    }

    private static Map<BigInteger, TBSCertList.CRLEntry> entriesOf(byte[] der) {
        Map<BigInteger, TBSCertList.CRLEntry> entries = new HashMap<>();
        Enumeration<?> revoked = CertificateList.getInstance(der).getTBSCertList().getRevokedCertificateEnumeration();
        while (revoked.hasMoreElements()) {
            TBSCertList.CRLEntry entry = (TBSCertList.CRLEntry) revoked.nextElement();
            entries.put(entry.getUserCertificate().getValue(), entry);
        }
        return entries;
    }

    private static byte[] encoded(TBSCertList.CRLEntry entry) {
        try {
            return entry.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
