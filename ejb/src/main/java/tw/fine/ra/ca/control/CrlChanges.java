package tw.fine.ra.ca.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Primitive;
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
        Map<BigInteger, ASN1Primitive> base = entriesOf(baseDer);
        List<RevokedEntry> listed = new ArrayList<>();
        for (RevokedEntry entry : current) {
            // compared as encoded: a CRL keeps whole seconds, and decoding 100,000 dates is slow
            ASN1Primitive onBase = base.remove(entry.serial());
            if (onBase == null || !onBase.equals(CrlBuilder.encoded(entry))) {
                listed.add(entry);
            }
        }
        List<RevokedEntry> removed = new ArrayList<>();
        for (ASN1Primitive gone : base.values()) {
            TBSCertList.CRLEntry entry = TBSCertList.CRLEntry.getInstance(gone);
            removed.add(new RevokedEntry(entry.getUserCertificate().getValue(), entry.getRevocationDate().getDate()
                    .toInstant(), RevocationReason.CERTIFICATE_HOLD));
        }
        removed.sort((a, b) -> a.serial().compareTo(b.serial()));
        return new CrlChanges(List.copyOf(listed), List.copyOf(removed));
    }

    private static Map<BigInteger, ASN1Primitive> entriesOf(byte[] der) {
        Map<BigInteger, ASN1Primitive> entries = new HashMap<>();
        Enumeration<?> revoked = CertificateList.getInstance(der).getTBSCertList().getRevokedCertificateEnumeration();
        while (revoked.hasMoreElements()) {
            TBSCertList.CRLEntry entry = (TBSCertList.CRLEntry) revoked.nextElement();
            entries.put(entry.getUserCertificate().getValue(), entry.toASN1Primitive());
        }
        return entries;
    }
}
