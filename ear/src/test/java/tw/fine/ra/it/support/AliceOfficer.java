package tw.fine.ra.it.support;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test work as "alice" in the OFFICER role, so boundaries see that caller. */
@Stateless
@PermitAll
@RunAs("OFFICER")
@RunAsPrincipal("alice")
public class AliceOfficer {

    public <T> T call(Work<T> work) throws Exception {
        return work.call();
    }
}
