package tw.fine.ra.ca.control;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.MALFORMED_REQUEST;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.NO_PROOF_OF_POSSESSION;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.SAME_KEY_FOR_BOTH_CERTIFICATES;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.UNSUPPORTED_KEY;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.WEAK_KEY;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.WEAK_SIGNATURE_ALGORITHM;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
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
 * private key, and the key meets the policy (RSA of at least 2048 bits with an odd exponent of at
 * least 65537, or EC on P-256/P-384). Only the public key is taken from the request.
 */
public final class RequestCheck {

    static final int MIN_RSA_BITS = 2048;
    private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);
    private static final Set<ASN1ObjectIdentifier> CURVES = Set.of(X9ObjectIdentifiers.prime256v1, SECObjectIdentifiers.secp384r1);
    /** SHA-1 and MD5 signatures are forgeable by collision, so they prove nothing. */
    private static final Set<ASN1ObjectIdentifier> SIGNATURES = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512, NISTObjectIdentifiers.id_ecdsa_with_sha3_256);

    public CheckedKey check(byte[] pkcs10) throws RequestRejectedException {
        JcaPKCS10CertificationRequest request = parse(pkcs10);
        ASN1ObjectIdentifier signature = request.getSignatureAlgorithm().getAlgorithm();
        if (!SIGNATURES.contains(signature)) {
            throw new RequestRejectedException(WEAK_SIGNATURE_ALGORITHM, signature.getId());
        }
        SubjectPublicKeyInfo info = request.getSubjectPublicKeyInfo();
        PublicKey key = publicKey(request, info);
        checkPolicy(key, info);
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

    private static PublicKey publicKey(JcaPKCS10CertificationRequest request, SubjectPublicKeyInfo info)
            throws RequestRejectedException {
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (!algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) && !algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            throw new RequestRejectedException(UNSUPPORTED_KEY, algorithm.getId());
        }
        try {
            // decoding an EC key checks that the point lies on the curve
            return request.getPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new RequestRejectedException(MALFORMED_REQUEST, "public key: " + e.getMessage());
        }
    }

    private static void checkPolicy(PublicKey key, SubjectPublicKeyInfo info) throws RequestRejectedException {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS || !rsa.getModulus().testBit(0)) {
                throw new RequestRejectedException(WEAK_KEY, "RSA modulus of " + rsa.getModulus().bitLength() + " bits");
            }
            BigInteger e = rsa.getPublicExponent();
            if (e.compareTo(MIN_EXPONENT) < 0 || !e.testBit(0)) {
                throw new RequestRejectedException(WEAK_KEY, "RSA public exponent " + e);
            }
            return;
        }
        Object curve = info.getAlgorithm().getParameters();
        if (!(curve instanceof ASN1ObjectIdentifier oid) || !CURVES.contains(oid)) {
            throw new RequestRejectedException(UNSUPPORTED_KEY, "EC curve " + curve + " (only P-256 and P-384)");
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
