package tw.fine.ra.ca.control;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;

/**
 * CA keys on a PKCS#11 token through SunPKCS11 (an HSM in production, SoftHSM2 in tests). Keys are
 * generated on the token as sensitive and non-extractable; {@link #store} turns them into token
 * objects with a certificate of the same CKA_ID, which is what lets the key store list the entry.
 */
public final class Pkcs11CaKeyStore extends JcaCaKeyStore {

    private final Provider provider;

    /**
     * @param library the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slotListIndex index in the module's slot list; SoftHSM2 slot ids are random, indexes are not
     */
    public Pkcs11CaKeyStore(String name, String library, int slotListIndex, char[] pin) {
        this(configure(name, library, slotListIndex), pin);
    }

    private Pkcs11CaKeyStore(Provider provider, char[] pin) {
        super(login(provider, pin), null);
        this.provider = provider;
    }

    private static Provider configure(String name, String library, int slotListIndex) {
        String config = String.join("\n",
                "--name = " + name,
                "library = " + library,
                "slotListIndex = " + slotListIndex,
                "attributes(generate, CKO_PRIVATE_KEY, *) = {",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "}",
                // the card master keys: HMAC runs on the token, the key never leaves it
                "attributes(generate, CKO_SECRET_KEY, *) = {",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "}");
        return Security.getProvider("SunPKCS11").configure(config);
    }

    private static KeyStore login(Provider provider, char[] pin) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot log in to PKCS#11 token " + provider.getName(), e);
        }
    }

    @Override
    protected void changed() {
        // the token keeps its objects itself
    }

    @Override
    protected Provider generatorProvider() {
        return provider;
    }

    @Override
    public Provider signatureProvider(KeyAlgorithm algorithm) {
        return provider;
    }
}
