package tw.fine.ra.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** One clock for the whole application; times are stored in UTC and shown in Asia/Taipei. */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    @Produces
    @ApplicationScoped
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
