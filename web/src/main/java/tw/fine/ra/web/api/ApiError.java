package tw.fine.ra.web.api;

/** The body of every refused API call: a stable code for the script and a localized message for the subscriber. */
public record ApiError(String error, String message) {
}
