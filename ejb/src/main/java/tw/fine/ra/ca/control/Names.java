package tw.fine.ra.ca.control;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;

/** Distinguished names from their RFC 4514 text, most specific first as people write them. */
final class Names {

    private Names() {
    }

    /**
     * The JDK reverses the RFC 4514 order into X.500 order (C first) and picks the string types;
     * Bouncy Castle's string parser would keep the written order and put CN first in the DER.
     */
    static X500Name dn(String rfc4514) {
        return X500Name.getInstance(new X500Principal(rfc4514).getEncoded());
    }
}
