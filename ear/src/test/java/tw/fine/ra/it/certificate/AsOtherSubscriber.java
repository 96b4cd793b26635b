package tw.fine.ra.it.certificate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import tw.fine.ra.it.support.Work;

/** A second subscriber, of another organization, whose certificates {@link AsSubscriber} must never reach. */
@Stateless
@PermitAll
@RunAs("SUBSCRIBER")
@RunAsPrincipal(AsOtherSubscriber.ID)
public class AsOtherSubscriber {

    static final String UBN = "81924865";
    static final String ID = UBN + "-00-0001";

    public <T> T call(Work<T> work) throws Exception {
        return work.call();
    }
}
