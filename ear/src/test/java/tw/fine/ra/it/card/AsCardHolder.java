package tw.fine.ra.it.card;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import tw.fine.ra.it.support.Work;

/** Runs test work as the subscriber {@link CardFixtures#HOLDER}. */
@Stateless
@PermitAll
@RunAs("SUBSCRIBER")
@RunAsPrincipal(CardFixtures.HOLDER)
public class AsCardHolder {

    public <T> T call(Work<T> work) throws Exception {
        return work.call();
    }
}
