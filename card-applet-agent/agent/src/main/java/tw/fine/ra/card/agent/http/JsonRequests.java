package tw.fine.ra.card.agent.http;

import com.nimbusds.jose.util.JSONObjectUtils;
import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.AgentRequest;
import tw.fine.ra.card.agent.core.ErrorCode;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Body {@code {"reader", "session", "params": {name: string}, "ticket"}} to an {@link AgentRequest}. */
final class JsonRequests {

    private JsonRequests() {
    }

    static AgentRequest parse(String body, String origin, Locale locale) throws AgentException {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            Map<String, String> params = new LinkedHashMap<>();
            Map<String, Object> raw = JSONObjectUtils.getJSONObject(json, "params");
            if (raw != null) {
                for (Map.Entry<String, Object> e : raw.entrySet()) {
                    if (!(e.getValue() instanceof String value)) {
                        throw new AgentException(ErrorCode.BAD_REQUEST, "parameter " + e.getKey() + " must be a string");
                    }
                    params.put(e.getKey(), value);
                }
            }
            return new AgentRequest(origin, locale, JSONObjectUtils.getString(json, "reader"),
                    JSONObjectUtils.getString(json, "session"), params, JSONObjectUtils.getString(json, "ticket"));
        } catch (ParseException e) {
            throw LocalHttpTransport.badJson(e);
        }
    }
}
