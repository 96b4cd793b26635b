package tw.fine.ra.certificate.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApplicationStepTest {

    @Test
    void anIssuedPairEitherReachesTheCardOrIsAbandonedAndNeitherReopens() {
        assertTrue(ApplicationStep.ISSUED.canMoveTo(ApplicationStep.COMPLETED));
        assertTrue(ApplicationStep.ISSUED.canMoveTo(ApplicationStep.ABANDONED));
        assertFalse(ApplicationStep.ISSUED.canMoveTo(ApplicationStep.STARTED), "no restart after issuance");
        assertFalse(ApplicationStep.STARTED.canMoveTo(ApplicationStep.ABANDONED), "nothing issued to abandon");
        for (ApplicationStep next : ApplicationStep.values()) {
            assertFalse(ApplicationStep.COMPLETED.canMoveTo(next), "COMPLETED -> " + next);
            assertFalse(ApplicationStep.ABANDONED.canMoveTo(next), "ABANDONED -> " + next);
        }
    }
}
