package tw.fine.ra.certificate.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tw.fine.ra.ca.entity.CertificateStatus.ACTIVE;
import static tw.fine.ra.ca.entity.CertificateStatus.EXPIRED;
import static tw.fine.ra.ca.entity.CertificateStatus.EXPIRED_ON_HOLD;
import static tw.fine.ra.ca.entity.CertificateStatus.ISSUED_NOT_ON_CARD;
import static tw.fine.ra.ca.entity.CertificateStatus.ON_HOLD;
import static tw.fine.ra.ca.entity.CertificateStatus.REVOKED;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairStateTest {

    @Test
    void eachStateFromTheStatusesOfTheSubscribersCertificates() {
        assertEquals(PairState.NONE, PairState.of(List.of()));
        assertEquals(PairState.NOT_ON_CARD, PairState.of(List.of(ISSUED_NOT_ON_CARD, ISSUED_NOT_ON_CARD)));
        assertEquals(PairState.VALID, PairState.of(List.of(ACTIVE, ACTIVE)));
        assertEquals(PairState.ON_HOLD, PairState.of(List.of(ON_HOLD, ON_HOLD)));
        assertEquals(PairState.ENDED, PairState.of(List.of(REVOKED, EXPIRED)));
        // a pair that expired on hold is over for its subscriber, though relying parties still see the hold
        assertEquals(PairState.ENDED, PairState.of(List.of(EXPIRED_ON_HOLD, EXPIRED_ON_HOLD)));
    }

    @Test
    void aNewerPairOutranksAnEndedOneAndAHoldOutranksEverything() {
        assertEquals(PairState.VALID, PairState.of(List.of(REVOKED, REVOKED, ACTIVE, ACTIVE)));
        assertEquals(PairState.ON_HOLD, PairState.of(List.of(ACTIVE, ON_HOLD)));
    }
}
