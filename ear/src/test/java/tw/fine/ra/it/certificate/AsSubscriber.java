package tw.fine.ra.it.certificate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import tw.fine.ra.it.support.Work;

/** Runs test work as the subscriber {@value #ID}, so the subscriber's boundaries see that caller. */
@Stateless
@PermitAll
@RunAs("SUBSCRIBER")
@RunAsPrincipal(AsSubscriber.ID)
public class AsSubscriber {

    static final String UBN = "16480894";
    /** The first subscriber of organization {@link #UBN}. */
    static final String ID = UBN + "-00-0001";

    public <T> T call(Work<T> work) throws Exception {
        return work.call();
    }
}
