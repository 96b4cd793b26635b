package tw.fine.ra.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import tw.fine.ra.platform.Settings;

/**
 * Signs the audit chain's head every {@code fine.audit.checkpoint-minutes} (default 60). Non-persistent
 * and on every node, like the CA's clock: each node's checkpoints go to its own file (ADR 0009).
 */
@Singleton
@Startup
public class AuditCheckpointSchedule {

    @Resource
    TimerService timers;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    Settings settings;

    @PostConstruct
    void schedule() {
        long every = settings.auditCheckpointInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("fine-audit-checkpoint", false));
    }

    @Timeout
    void run() {
        checkpoints.onSchedule();
    }
}
