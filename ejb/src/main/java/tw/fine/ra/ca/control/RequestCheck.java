package tw.fine.ra.ca.control;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.EC_POINT_INVALID;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.MALFORMED_REQUEST;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.NO_PROOF_OF_POSSESSION;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.SAME_KEY_FOR_BOTH_CERTIFICATES;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.UNSUPPORTED_KEY;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.WEAK_SIGNATURE_ALGORITHM;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import tw.fine.ra.ca.entity.RequestRejectedException;

/**
 * Checks a PKCS#10 request before anything is signed: its signature proves the requester holds the
 * private key, and the key is RSA or EC on P-256/P-384 and passes {@link KeyScreening}, which
 * comes first so no weak key is used even to verify. Only the public key is taken from the request.
 */
public final class RequestCheck {

    private static final Set<ASN1ObjectIdentifier> CURVES = Set.of(X9ObjectIdentifiers.prime256v1, SECObjectIdentifiers.secp384r1);
    /** SHA-1 and MD5 signatures are forgeable by collision, so they prove nothing. */
    private static final Set<ASN1ObjectIdentifier> SIGNATURES = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512, NISTObjectIdentifiers.id_ecdsa_with_sha3_256);

    private final KeyScreening screening = new KeyScreening();

    public CheckedKey check(byte[] pkcs10) throws RequestRejectedException {
        JcaPKCS10CertificationRequest request = parse(pkcs10);
        ASN1ObjectIdentifier signature = request.getSignatureAlgorithm().getAlgorithm();
        if (!SIGNATURES.contains(signature)) {
            throw new RequestRejectedException(WEAK_SIGNATURE_ALGORITHM, signature.getId());
        }
        SubjectPublicKeyInfo info = request.getSubjectPublicKeyInfo();
        checkAlgorithm(info);
        PublicKey key = publicKey(request, info);
        screening.screen(key);
        verifySignature(request, info);
        return new CheckedKey(key, fingerprint(info));
    }

    /** The two keys of a pair must differ: encryption keys are escrowed or recovered, signing keys never. */
    public void checkPair(CheckedKey signing, CheckedKey encryption) throws RequestRejectedException {
        if (signing.sameKeyAs(encryption)) {
            throw new RequestRejectedException(SAME_KEY_FOR_BOTH_CERTIFICATES, signing.fingerprint());
        }
    }

    private static JcaPKCS10CertificationRequest parse(byte[] pkcs10) throws RequestRejectedException {
        try {
            return new JcaPKCS10CertificationRequest(pkcs10).setProvider(Bc.PROVIDER);
        } catch (IOException | RuntimeException e) {
            throw new RequestRejectedException(MALFORMED_REQUEST, String.valueOf(e.getMessage()));
        }
    }

    private static void checkAlgorithm(SubjectPublicKeyInfo info) throws RequestRejectedException {
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return;
        }
        if (!algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            throw new RequestRejectedException(UNSUPPORTED_KEY, algorithm.getId());
        }
        Object curve = info.getAlgorithm().getParameters();
        if (!(curve instanceof ASN1ObjectIdentifier oid) || !CURVES.contains(oid)) {
            throw new RequestRejectedException(UNSUPPORTED_KEY, "EC curve " + curve + " (only P-256 and P-384)");
        }
    }

    private static PublicKey publicKey(JcaPKCS10CertificationRequest request, SubjectPublicKeyInfo info)
            throws RequestRejectedException {
        try {
            return request.getPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            // a named curve's key is only its point: the decoder refuses one off the curve or at infinity
            boolean ec = info.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey);
            throw new RequestRejectedException(ec ? EC_POINT_INVALID : MALFORMED_REQUEST, "public key: " + e.getMessage());
        }
    }

    private static void verifySignature(JcaPKCS10CertificationRequest request, SubjectPublicKeyInfo info)
            throws RequestRejectedException {
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(info));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new RequestRejectedException(NO_PROOF_OF_POSSESSION, "the request's signature does not verify");
        }
    }

    static String fingerprint(SubjectPublicKeyInfo info) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(info.getEncoded("DER")));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
