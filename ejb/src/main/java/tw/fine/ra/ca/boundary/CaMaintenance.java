package tw.fine.ra.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.control.OcspSignerRecords;
import tw.fine.ra.ca.control.RootCrls;
import tw.fine.ra.ca.entity.IssuedCertificate;

/**
 * What the schedule does each time before it publishes a CRL ({@link CaSchedule}): keep the OCSP
 * signer fresh and on record (audited once, when first recorded), expire old certificates, take a
 * new root CRL from the ceremony folder.
 */
@Stateless
public class CaMaintenance {

    private static final Actor CA = Actor.system("ca");

    @Inject
    CaCredentials keys;

    @Inject
    OcspSignerRecords ocspSigners;

    @Inject
    AuditTrail audit;

    @Inject
    CertificateAuthority authority;

    @Inject
    RootCrls rootCrls;

    public void run() {
        keys.renewOcspSignerIfDue();
        ocspSigners.recordCurrent().ifPresent(signer -> audit.success(CA, AuditEvent.OCSP_SIGNER_ISSUED, "-",
                "OCSP signer #" + signer.id() + " serial " + IssuedCertificate.hex(signer.serial()) + ", valid until "
                + signer.notAfter()));
        authority.expireDue();
        // a root CRL the ceremony signed again, put into the ceremony folder while the server runs
        rootCrls.importNewer();
    }
}
