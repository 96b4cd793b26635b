package tw.fine.ra.web.support;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tw.fine.ra.platform.ClockProducer;

/** How the subscriber pages show a time: {@code 2026-12-06 12:29:32}, Asia/Taipei (the seed's table). */
public final class TaipeiTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ClockProducer.TAIPEI);

    private TaipeiTime() {
    }

    /** The instant as shown; empty for none. */
    public static String of(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }
}
