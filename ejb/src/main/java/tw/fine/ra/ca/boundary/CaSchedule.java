package tw.fine.ra.ca.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import tw.fine.ra.ca.control.CaCredentials;

/**
 * Opens the CA at start and runs its clockwork: a full CRL every {@code fine.ca.crl.interval}
 * (default 6 h, each valid for {@code fine.ca.crl.validity}), OCSP signer renewal and expiry on
 * the same beat; a delta CRL every half of {@code fine.ca.crl.delta.validity}, so one is always
 * current even when nothing changes (docs/adr/0012). Non-persistent:
 * the schedule is re-created at every start from the configuration, never from an old timer.
 */
@Singleton
@Startup
public class CaSchedule {

    private static final Logger LOG = Logger.getLogger(CaSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    CaMaintenance maintenance;

    @Inject
    CrlRefresh crls;

    @Inject
    Publication publication;

    @Inject
    CaCredentials credentials;

    @PostConstruct
    void schedule() {
        // opens (the first time: creates) the CA now, not at the first request that needs it
        long every = credentials.settings().crlInterval().toMillis();
        try {
            publication.prepareCrlCounter();
        } catch (RuntimeException e) {
            // another node created it at the same moment: publications only need it to exist
            LOG.info(() -> "CRL counter not created here: " + e);
        }
        timers.createIntervalTimer(2_000, every, new TimerConfig(CrlRefresh.Kind.FULL, false));
        long deltaEvery = credentials.settings().deltaCrlValidity().toMillis() / 2;
        timers.createIntervalTimer(deltaEvery, deltaEvery, new TimerConfig(CrlRefresh.Kind.DELTA, false));
    }

    /**
     * The maintenance commits its records first; the CRL is signed after, in a transaction of its
     * own, so no audited action waits for the audit trail while a large CRL is signed.
     */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        if (timer.getInfo() == CrlRefresh.Kind.FULL) {
            maintenance.run();
        }
        crls.publishNow((CrlRefresh.Kind) timer.getInfo());
    }
}
