package tw.fine.ra.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import tw.fine.ra.audit.boundary.AuditTrail;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.control.OcspSignerRecords;
import tw.fine.ra.ca.entity.IssuedCertificate;

/**
 * What the schedule does each time before it publishes a CRL ({@link CaSchedule}): keep the OCSP
 * signer fresh and on record (audited once, when first recorded), expire old certificates.
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

    public void run() {
        keys.renewOcspSignerIfDue();
        ocspSigners.recordCurrent().ifPresent(signer -> audit.success(CA, AuditEvent.OCSP_SIGNER_ISSUED, "-",
                "OCSP signer #" + signer.id() + " serial " + IssuedCertificate.hex(signer.serial()) + ", valid until "
                + signer.notAfter()));
        authority.expireDue();
    }
}
