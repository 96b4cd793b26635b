package tw.fine.ra.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import tw.fine.ra.ca.control.CaCredentials;

/** What the schedule does each time: keep the OCSP signer fresh, expire old certificates, publish a CRL. */
@Stateless
public class CaMaintenance {

    @Inject
    CaCredentials keys;

    @Inject
    CertificateAuthority authority;

    @Inject
    CrlRefresh crls;

    public void run() {
        keys.renewOcspSignerIfDue();
        authority.expireDue();
        crls.publishNow();
    }
}
