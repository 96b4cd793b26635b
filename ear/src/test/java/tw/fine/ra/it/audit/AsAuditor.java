package tw.fine.ra.it.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.ByteArrayOutputStream;
import java.util.List;
import tw.fine.ra.audit.boundary.AuditReading;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.audit.entity.AuditFilter;
import tw.fine.ra.audit.entity.ChainVerdict;

/** Test-only: in-container tests run unauthenticated; this calls the auditor's boundary as an auditor. */
@Stateless
@PermitAll
@RunAs(AuditReading.AUDITOR)
public class AsAuditor {

    static final String CLIENT = "192.0.2.10";

    @EJB
    AuditReading reading;

    public List<AuditEntry> find(AuditFilter filter, int first, int max) {
        return reading.find(filter, first, max);
    }

    public long count(AuditFilter filter) {
        return reading.count(filter);
    }

    public byte[] export(AuditFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reading.export(filter, CLIENT, out);
        return out.toByteArray();
    }

    /** An export to a reader that breaks off after {@code bytes} bytes. */
    public void exportBrokenOffAfter(AuditFilter filter, int bytes) {
        reading.export(filter, CLIENT, new java.io.OutputStream() {
            private int written;

            @Override
            public void write(int b) throws java.io.IOException {
                if (++written > bytes) {
                    throw new java.io.IOException("the reader went away");
                }
            }
        });
    }

    public ChainVerdict verify() {
        return reading.verify(CLIENT);
    }
}
