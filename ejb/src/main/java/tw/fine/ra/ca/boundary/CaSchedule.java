package tw.fine.ra.ca.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The CA's clockwork: a full CRL every {@code fine.ca.crl.interval} (default 6 h, each valid for
 * {@code fine.ca.crl.validity}), OCSP signer renewal and expiry on the same beat. Non-persistent:
 * the schedule is re-created at every start from the configuration, never from an old timer.
 */
@Singleton
@Startup
public class CaSchedule {

    @Resource
    TimerService timers;

    @Inject
    CaMaintenance maintenance;

    @PostConstruct
    void schedule() {
        Duration every = Duration.parse(System.getProperty("fine.ca.crl.interval", "PT6H"));
        timers.createIntervalTimer(2_000, every.toMillis(), new TimerConfig("fine-ca-crl", false));
    }

    @Timeout
    void run() {
        maintenance.run();
    }
}
