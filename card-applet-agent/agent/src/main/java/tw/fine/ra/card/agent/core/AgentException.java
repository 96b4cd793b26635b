package tw.fine.ra.card.agent.core;

import java.util.Map;

/** A refusal or failure with its code; {@code details} go to the caller as they are (no secrets). */
public final class AgentException extends Exception {

    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public AgentException(ErrorCode code, String detail) {
        this(code, detail, Map.of(), null);
    }

    public AgentException(ErrorCode code, String detail, Map<String, Object> details, Throwable cause) {
        super(code + ": " + detail, cause);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
