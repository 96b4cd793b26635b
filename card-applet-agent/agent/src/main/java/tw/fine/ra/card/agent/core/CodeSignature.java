package tw.fine.ra.card.agent.core;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The agent checking its own jar: every class and resource must be signed by one signer and
 * match its signature. A tampered jar must not broker a card.
 */
public record CodeSignature(State state, String signer, String certificateSha256) {

    public enum State { SIGNED, UNSIGNED, INVALID, NOT_A_JAR }

    public static CodeSignature ofRunningAgent() {
        try {
            File location = new File(CodeSignature.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.isFile() ? of(location) : new CodeSignature(State.NOT_A_JAR, null, null);
        } catch (URISyntaxException | SecurityException e) {
            return new CodeSignature(State.INVALID, null, null);
        }
    }

    public static CodeSignature of(File jar) {
        try (JarFile file = new JarFile(jar, true)) {
            X509Certificate signer = null;
            byte[] buffer = new byte[8192];
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    // Reading to the end is what makes JarFile check the digest against the signature.
                    while (in.read(buffer) >= 0) {
                        continue;
                    }
                }
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                X509Certificate entrySigner = signerOf(entry);
                if (entrySigner == null) {
                    return new CodeSignature(signer == null ? State.UNSIGNED : State.INVALID, null, null);
                }
                if (signer != null && !signer.equals(entrySigner)) {
                    return new CodeSignature(State.INVALID, null, null);
                }
                signer = entrySigner;
            }
            if (signer == null) {
                return new CodeSignature(State.UNSIGNED, null, null);
            }
            return new CodeSignature(State.SIGNED, signer.getSubjectX500Principal().getName(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signer.getEncoded())));
        } catch (SecurityException e) {
            return new CodeSignature(State.INVALID, null, null);
        } catch (IOException | java.security.GeneralSecurityException e) {
            return new CodeSignature(State.INVALID, null, null);
        }
    }

    private static X509Certificate signerOf(JarEntry entry) {
        CodeSigner[] signers = entry.getCodeSigners();
        if (signers == null || signers.length == 0) {
            return null;
        }
        Certificate first = signers[0].getSignerCertPath().getCertificates().get(0);
        return first instanceof X509Certificate x509 ? x509 : null;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("state", state.name());
        map.put("verified", state == State.SIGNED);
        if (signer != null) {
            map.put("signer", signer);
            map.put("certificateSha256", certificateSha256);
        }
        return map;
    }
}
