package tw.fine.ra.approval.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import tw.fine.ra.platform.Refused;

/**
 * A website password reset form (網站密碼重新設定申請書) as entered by a clerk. It names the
 * account by id: accounts belong to the account capability, which resets them.
 */
@Entity
@Table(name = "password_reset_request")
public class PasswordResetRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "form_number", nullable = false, unique = true)
    private String formNumber;
    @Column(name = "account_id", nullable = false)
    private long accountId;
    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;
    @Column(name = "entered_by", nullable = false)
    private String enteredBy;
    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "reject_reason")
    private String rejectReason;
    @Version
    private long version;

    protected PasswordResetRequest() {
    }

    public PasswordResetRequest(String formNumber, long accountId, LocalDate receivedOn, String clerk, Instant at) {
        this.formNumber = formNumber;
        this.accountId = accountId;
        this.receivedOn = receivedOn;
        this.enteredBy = clerk;
        this.enteredAt = at;
        this.status = RequestStatus.PENDING;
    }

    public void approve(String officer, Instant at) throws Refused {
        decide(RequestStatus.APPROVED, officer, at);
    }

    public void reject(String officer, String reason, Instant at) throws Refused {
        if (reason == null || reason.isBlank()) {
            throw new Refused("reason", "approvals.reason.required");
        }
        decide(RequestStatus.REJECTED, officer, at);
        rejectReason = reason.strip();
    }

    /** Four eyes: whoever entered the form cannot decide it. */
    private void decide(RequestStatus next, String officer, Instant at) throws Refused {
        if (!status.canMoveTo(next)) {
            throw new Refused(null, "approvals.not-pending");
        }
        if (enteredBy.equals(officer)) {
            throw new Refused(null, "approvals.own-request");
        }
        status = next;
        decidedBy = officer;
        decidedAt = at;
    }

    public Long getId() { return id; }
    public String getFormNumber() { return formNumber; }
    public long getAccountId() { return accountId; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public RequestStatus getStatus() { return status; }
    public String getEnteredBy() { return enteredBy; }
    public Instant getEnteredAt() { return enteredAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getRejectReason() { return rejectReason; }
}
