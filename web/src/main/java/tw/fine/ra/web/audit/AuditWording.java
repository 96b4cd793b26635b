package tw.fine.ra.web.audit;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The stored roles and details of audit records in the reader's language. The records keep the
 * plain English (or message key) they were hashed with; only the page translates them, so a
 * verification never depends on a translation. What is not recognized is shown as stored.
 */
final class AuditWording {

    static final String AUDIT_BUNDLE = "tw.fine.ra.web.audit";
    static final String MESSAGE_BUNDLE = "tw.fine.ra.web.messages";

    /** A stored detail of a known shape and the {@code detail.*} key that words it; groups are its arguments. */
    private record Shape(Pattern pattern, String key) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(Pattern.compile("unknown account"), "detail.unknown-account"),
            new Shape(Pattern.compile("wrong area (\\w+)"), "detail.wrong-area"),
            new Shape(Pattern.compile("account locked"), "detail.account-locked"),
            new Shape(Pattern.compile("account disabled"), "detail.account-disabled"),
            new Shape(Pattern.compile("demo account outside development mode"), "detail.demo-account-disabled"),
            new Shape(Pattern.compile("wrong password (\\d+)"), "detail.wrong-password"),
            new Shape(Pattern.compile("(\\d+) consecutive wrong passwords"), "detail.consecutive-wrong-passwords"),
            new Shape(Pattern.compile("changed"), "detail.password-changed"),
            new Shape(Pattern.compile("initial password mailer printed"), "detail.initial-mailer-printed"),
            new Shape(Pattern.compile("account opened"), "detail.account-opened"),
            new Shape(Pattern.compile("(\\S+) unlocked, mailer printed, contact notified"), "detail.reset-approved"),
            new Shape(Pattern.compile("(\\d+) certificates past notAfter"), "detail.certificates-expired"),
            new Shape(Pattern.compile("intact up to seq (\\d+)"), "detail.chain-intact"),
            new Shape(Pattern.compile("broken at seq (\\d+): (\\w+)"), "detail.chain-broken"),
            new Shape(Pattern.compile("rows=(\\d+) (.*)"), "detail.exported"),
            new Shape(Pattern.compile("started (.*)"), "detail.export-started"));

    /** A message key as the boundaries refuse with: dotted lower-case words. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");

    private final ResourceBundle audit;
    private final ResourceBundle messages;
    private final Locale locale;

    AuditWording(Locale locale) {
        this.locale = locale;
        this.audit = ResourceBundle.getBundle(AUDIT_BUNDLE, locale);
        this.messages = ResourceBundle.getBundle(MESSAGE_BUNDLE, locale);
    }

    boolean speaks(Locale other) {
        return locale.equals(other);
    }

    /** CLERK, SUBSCRIBER, SYSTEM, … as the reader calls them. */
    String role(String stored) {
        return label("role.", stored);
    }

    String detail(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(stored);
            if (m.matches() && audit.containsKey(shape.key())) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = argument(m.group(i + 1));
                }
                return new MessageFormat(audit.getString(shape.key()), locale).format(args);
            }
        }
        if (audit.containsKey("area." + stored)) {
            return audit.getString("area." + stored);
        }
        // a refusal's message key, or the list of fields a password change failed on
        List<String> parts = Arrays.asList(stored.split(","));
        if (parts.stream().allMatch(this::known)) {
            return parts.stream().map(this::wordOf).collect(Collectors.joining(audit.getString("detail.separator")));
        }
        return stored;
    }

    private boolean known(String part) {
        return MESSAGE_KEY.matcher(part).matches() && messages.containsKey(part)
                || audit.containsKey("detail.field." + part);
    }

    private String wordOf(String part) {
        return messages.containsKey(part) ? messages.getString(part) : audit.getString("detail.field." + part);
    }

    /** A part of a detail: an area or a break reason by name, anything else as it is. */
    private String argument(String part) {
        return audit.containsKey("area." + part) ? audit.getString("area." + part) : label("reason.", part);
    }

    private String label(String prefix, String stored) {
        return stored != null && audit.containsKey(prefix + stored) ? audit.getString(prefix + stored) : stored;
    }
}
