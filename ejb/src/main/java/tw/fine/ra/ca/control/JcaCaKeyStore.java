package tw.fine.ra.ca.control;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * What both key stores do through a JCA {@link KeyStore}; they differ in how keys are generated,
 * protected and kept. Calls are synchronized because neither KeyStore type is thread-safe.
 */
abstract class JcaCaKeyStore implements CaKeyStore {

    private static final String SECRET_KEY_ALGORITHM = "HmacSHA256";

    protected final KeyStore keyStore;
    private final char[] entryPassword;

    JcaCaKeyStore(KeyStore keyStore, char[] entryPassword) {
        this.keyStore = keyStore;
        this.entryPassword = entryPassword;
    }

    /** Called after every change, e.g. to write the file. */
    protected abstract void changed();

    /** The provider that generates keys; null for the JDK default. */
    protected abstract Provider generatorProvider();

    @Override
    public KeyPair generateKeyPair(KeyAlgorithm algorithm) {
        try {
            Provider provider = generatorProvider();
            KeyPairGenerator generator = provider == null ? KeyPairGenerator.getInstance(algorithm.family())
                    : KeyPairGenerator.getInstance(algorithm.family(), provider);
            algorithm.initialize(generator);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key store cannot generate " + algorithm, e);
        }
    }

    @Override
    public synchronized void createSecretKey(String alias) {
        try {
            Provider provider = generatorProvider();
            KeyGenerator generator = provider == null ? KeyGenerator.getInstance(SECRET_KEY_ALGORITHM)
                    : KeyGenerator.getInstance(SECRET_KEY_ALGORITHM, provider);
            generator.init(256);
            keyStore.setKeyEntry(alias, generator.generateKey(), entryPassword, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create secret key " + alias, e);
        }
        changed();
    }

    @Override
    public synchronized Optional<SecretKey> secretKey(String alias) {
        try {
            return Optional.ofNullable((SecretKey) keyStore.getKey(alias, entryPassword));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("cannot read secret key " + alias, e);
        }
    }

    @Override
    public Provider macProvider() {
        return generatorProvider();
    }

    @Override
    public synchronized void store(String alias, PrivateKey key, X509Certificate[] chain) {
        try {
            keyStore.setKeyEntry(alias, key, entryPassword, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot store key " + alias, e);
        }
        changed();
    }

    @Override
    public synchronized void delete(String alias) {
        try {
            keyStore.deleteEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot delete key " + alias, e);
        }
        changed();
    }

    @Override
    public synchronized boolean contains(String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized Optional<PrivateKey> privateKey(String alias) {
        try {
            return Optional.ofNullable((PrivateKey) keyStore.getKey(alias, entryPassword));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key " + alias, e);
        }
    }

    @Override
    public synchronized X509Certificate[] chain(String alias) {
        try {
            Certificate[] chain = keyStore.getCertificateChain(alias);
            if (chain == null) {
                throw new IllegalStateException("no certificate chain for " + alias);
            }
            return Arrays.copyOf(chain, chain.length, X509Certificate[].class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
