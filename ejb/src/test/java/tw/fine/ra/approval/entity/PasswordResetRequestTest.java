package tw.fine.ra.approval.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tw.fine.ra.platform.Refused;

class PasswordResetRequestTest {

    private final Instant now = Instant.parse("2026-11-25T01:00:00Z");

    private PasswordResetRequest entered() {
        return new PasswordResetRequest("PR-1", 1L, LocalDate.of(2026, 11, 24), "alice", now);
    }

    @Test
    void whoeverEnteredCannotDecide() {
        PasswordResetRequest request = entered();
        assertEquals("approvals.own-request",
                assertThrows(Refused.class, () -> request.approve("alice", now)).messageKey());
        assertEquals("approvals.own-request",
                assertThrows(Refused.class, () -> request.reject("alice", "no", now)).messageKey());
        assertEquals(RequestStatus.PENDING, request.getStatus());
    }

    @Test
    void aDecisionIsFinal() throws Refused {
        PasswordResetRequest request = entered();
        request.approve("bob", now);
        assertEquals(RequestStatus.APPROVED, request.getStatus());
        assertEquals("bob", request.getDecidedBy());
        assertEquals("approvals.not-pending",
                assertThrows(Refused.class, () -> request.reject("carol", "late", now)).messageKey());
    }

    @Test
    void rejectionNeedsAReason() {
        assertEquals("approvals.reason.required",
                assertThrows(Refused.class, () -> entered().reject("bob", "  ", now)).messageKey());
    }

    @Test
    void onlyPendingMovesAndNeverBack() {
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus to : RequestStatus.values()) {
                assertEquals(from == RequestStatus.PENDING && to != RequestStatus.PENDING, from.canMoveTo(to),
                        from + " -> " + to);
            }
        }
    }
}
