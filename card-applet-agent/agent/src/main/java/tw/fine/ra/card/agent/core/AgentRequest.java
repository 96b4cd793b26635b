package tw.fine.ra.card.agent.core;

import java.util.Locale;
import java.util.Map;

/**
 * One request as any transport hands it over: the web origin that sent it (as the browser
 * stated it), the reader, an admin session id, the parameters the ticket covers, the ticket.
 */
public record AgentRequest(String origin, Locale locale, String reader, String session, Map<String, String> params,
                           String ticket) {

    public AgentRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
        locale = locale == null ? Messages.DEFAULT : locale;
    }

    public String param(String name) throws AgentException {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "missing parameter " + name);
        }
        return value;
    }
}
