package tw.fine.ra.ca.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A pair request as received, kept in the same transaction as the certificates it produced. Its id
 * comes from the RA, so asking twice with one id returns the first result instead of a second pair.
 */
@Entity
@Table(name = "ca_issuance_request")
public class IssuanceRequest {

    @Id
    @Column(name = "request_id")
    private String requestId;

    @Column(name = "subscriber_id", nullable = false)
    private String subscriberId;

    @Column(name = "signing_request", nullable = false)
    private String signingRequest;

    @Column(name = "encryption_request", nullable = false)
    private String encryptionRequest;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected IssuanceRequest() {
    }

    public IssuanceRequest(String requestId, String subscriberId, byte[] signingRequest, byte[] encryptionRequest,
            Instant receivedAt) {
        this.requestId = requestId;
        this.subscriberId = subscriberId;
        this.signingRequest = Base64.getEncoder().encodeToString(signingRequest);
        this.encryptionRequest = Base64.getEncoder().encodeToString(encryptionRequest);
        this.receivedAt = receivedAt;
    }

    /** The same request sent again (a retry), as opposed to another request reusing the id. */
    public boolean isRepeatOf(String subscriber, byte[] signing, byte[] encryption) {
        return subscriberId.equals(subscriber)
                && Arrays.equals(Base64.getDecoder().decode(signingRequest), signing)
                && Arrays.equals(Base64.getDecoder().decode(encryptionRequest), encryption);
    }

    public String requestId() {
        return requestId;
    }
}
