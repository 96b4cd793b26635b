package tw.fine.ra.it.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** The forms OpenSSL's CA index ({@code index.txt}) and key files take. */
final class Openssl {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private Openssl() {
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** Upper-case hex of whole bytes, as {@code openssl ocsp} looks serials up ({@code BN_bn2hex}). */
    static String serial(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    /** A new key pair of the same type and size as {@code key} (RSA or EC), for a peer that cannot have ours. */
    static KeyPair keysLike(PublicKey key) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(key.getAlgorithm());
            if (key instanceof RSAPublicKey rsa) {
                generator.initialize(rsa.getModulus().bitLength());
            } else if (key instanceof ECPublicKey ec) {
                generator.initialize(ec.getParams());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
