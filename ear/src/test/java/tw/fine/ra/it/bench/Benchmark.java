package tw.fine.ra.it.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.lang.management.ManagementFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.account.control.PasswordHasher;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.Publication;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.TestData;

/**
 * The in-server half of {@code bash bench/run.sh} (docs/performance.md): not a test (its name does
 * not end in IT, so no build runs it, and it asserts nothing). The script starts the server and
 * runs this class in it; each part writes its figures to the benchmark folder as it goes, and a
 * part that fails is recorded as {@code error.<part>} without stopping the others.
 */
@ExtendWith(ArquillianExtension.class)
class Benchmark {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(Benchmark.class, BenchSettings.class, Results.class, Tools.class, Wrk.class,
                Wrk.Run.class, Openssl.class, IssuanceBench.class, OcspBench.class, CrlBench.class, SignInBench.class,
                MixedLoad.class, CaFixtures.class, CaFixtures.Result.class);
    }

    @Inject
    CertificateAuthority ca;

    @Inject
    CaCredentials keys;

    @Inject
    Publication publication;

    @Inject
    TestData data;

    @Inject
    PasswordHasher hasher;

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    private Results results;
    private BenchSettings settings;

    private interface Part {
        void run() throws Exception;
    }

    @Test
    void run() {
        settings = BenchSettings.fromSystem();
        results = new Results(settings.dir().resolve("results.tsv"));
        Tools tools = new Tools(settings.dir());
        results.put("server.cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        results.put("server.caKey", keys.ca().signing().algorithm().toString());
        results.put("rss.deployedMib", Tools.rssMib("VmRSS"));
        results.put("load.inServerStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        part("issuance", () -> new IssuanceBench(ca, keys, executor, results).run());
        part("ocsp", () -> new OcspBench(ca, keys, settings, tools, results).run());
        SignInBench signIns = new SignInBench(data, hasher, results);
        part("signin", () -> signIns.run(settings.signInSeconds()));
        part("mixed", () -> new MixedLoad(ca, executor, settings, tools, results).run(signIns.accounts(2)));
        part("crl", () -> new CrlBench(em, tx, keys, publication, settings, tools, results).run());
        results.put("load.inServerEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void part(String name, Part part) {
        if (!settings.parts().isEmpty() && !settings.parts().contains(name)) {
            return;
        }
        long start = System.nanoTime();
        try {
            part.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            results.put("error." + name, String.valueOf(e));
        }
        results.put("part." + name + ".seconds", (System.nanoTime() - start) / 1e9);
    }

}
