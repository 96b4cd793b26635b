import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The table of bench/run.sh, from the key-value figures the run wrote (results.tsv): each figure
 * beside its peer and the ratio the target is about. {@code java bench/Report.java results.tsv
 * [--doc docs/performance.md]} prints it and, with --doc, inserts the run below the document's
 * marker line, newest first.
 */
public class Report {

    static final String MARKER = "<!-- bench/run.sh inserts each run below this line, newest first -->";

    private final Map<String, String> v = new HashMap<>();

    public static void main(String[] args) throws Exception {
        Report report = new Report();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                report.v.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        String run = report.run();
        System.out.println(run);
        if (args.length == 3 && args[1].equals("--doc")) {
            insert(Path.of(args[2]), run);
        }
    }

    String run() {
        StringBuilder t = new StringBuilder();
        t.append("### Run ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC, ").append("postgresql".equals(v.get("db")) ? "PostgreSQL " + s("postgresql") : "H2 file")
                .append(" (`bash bench/run.sh`, mixed load ").append((int) n("mixed.seconds", 0) / 60).append(" min)\n\n");
        t.append("Machine: ").append(s("machine")).append("; `nproc` ").append(s("nproc"))
                .append("; load average (1, 5, 15 min) before the run ").append(s("load_before"))
                .append(", before the in-server part ").append(s("load_start")).append(", after ").append(s("load_after"))
                .append(".  \n").append(s("jdk")).append("; ").append(s("wildfly")).append("; ")
                .append("postgresql".equals(v.get("db")) ? "PostgreSQL " + s("postgresql") : s("h2"))
                .append("; ").append(s("openssl")).append("; ").append(s("wrk")).append("; CA key ").append(s("server.caKey"))
                .append(".\n\n");
        t.append("| figure | ours | peers | ratio | target |\n|---|---|---|---|---|\n");
        for (String method : List.of("get", "post")) {
            for (String c : List.of("c8", "c50")) {
                String k = "ocsp." + method + "." + c + ".";
                String ceiling = "ocsp.get." + c + ".static.";
                t.append(row("OCSP " + method.toUpperCase(Locale.ROOT) + ", wrk -t2 -" + c + ", 1,000 certificates",
                        wrk(k + "ours."),
                        "`openssl ocsp -multi " + s("nproc") + "`: " + wrk(k + "openssl.") + "; static file"
                                + (method.equals("post") ? " (GET)" : "") + ": " + wrk(ceiling),
                        ratio(k + "ours.rps", k + "openssl.rps") + " openssl; " + ratio(k + "ours.rps", ceiling + "rps")
                                + " static",
                        "≥ 10 × openssl, ≥ 0.5 × static" + (c.equals("c50") ? ", p99 < 5 ms" : "")));
            }
        }
        t.append(row("OCSP answers (`openssl ocsp` asks, verifies)", checks("ours"), "openssl: " + checks("openssl"), "",
                "good, revoked, revoked (hold), unknown; verified"));
        t.append(row("issuance, 1 thread", f("issue.ours.t1", 1) + " cert/s; a pair " + f("issue.ours.t1.wallMsPerPair", 1)
                + " ms, " + f("issue.ours.t1.cpuMsPerPair", 1) + " ms of them on the issuing thread's CPU",
                "crypto-only ceiling " + f("issue.ceiling.t1", 1) + " cert/s; raw signatures " + f("issue.raw.sigps", 0) + "/s",
                ratio("issue.ours.t1", "issue.ceiling.t1") + " ceiling; " + ratio("issue.ours.t1", "issue.raw.sigps") + " raw",
                "≥ 0.8 × ceiling"));
        t.append(row("issuance, 2 threads", f("issue.ours.t2", 1) + " cert/s",
                "crypto-only ceiling, 2 threads " + f("issue.ceiling.t2", 1) + " cert/s",
                ratio("issue.ours.t2", "issue.ceiling.t2") + " ceiling", ""));
        t.append(row("CRL of " + f("crl.entries", 0) + " revoked, database to stored and signed",
                f("crl.ours.seconds", 2) + " s; allocated " + f("crl.ours.allocatedMib", 0) + " MiB, heap peak +"
                        + f("crl.ours.heapPeakMib", 0) + " MiB; " + f("crl.ours.bytes", 0) + " bytes",
                "`openssl ca -gencrl`: " + f("crl.openssl.seconds", 2) + " s; peak RSS " + f("crl.openssl.rssMib", 0)
                        + " MiB; " + f("crl.openssl.bytes", 0) + " bytes",
                ratio("crl.ours.seconds", "crl.openssl.seconds") + " openssl's time", "≤ 1 × openssl"));
        t.append(row("start to the first 200 on the sign-in page", "first start " + s("start.first") + " s; restart "
                + s("start.restart") + " s", "", "", "< 20 s"));
        t.append(row("server RSS", "idle after the restart " + f("rss.idleMib", 0) + " MiB; after " + (int) n("mixed.seconds", 0) / 60
                + " min of mixed load " + f("rss.afterMixedMib", 0) + " MiB (peak " + f("rss.peakMib", 0) + " MiB)",
                "mixed load: " + f("mixed.ocspPerSecond", 0) + " OCSP/s, " + f("mixed.pagesPerSecond", 0)
                        + " sign-in pages/s, " + s("mixed.signIns") + " sign-ins, " + s("mixed.pairs") + " pairs",
                "", "reported"));
        t.append(row("sign-ins, 8 clients", f("signin.c8.perSecond", 1) + " /s (" + s("signin.c8.failed") + " failed)", "",
                "", "reported"));
        t.append(row("Argon2id, CPU per evaluation", s("argon2.params") + ": " + f("argon2.cpuMs", 1) + " ms", otherCosts(),
                "", "reported with the parameters"));
        String errors = v.entrySet().stream().filter(e -> e.getKey().startsWith("error."))
                .map(e -> "- **" + e.getKey().substring(6) + " failed**: " + e.getValue()).sorted()
                .collect(Collectors.joining("\n"));
        if (!errors.isEmpty()) {
            t.append('\n').append(errors).append('\n');
        }
        return t.toString();
    }

    private String wrk(String k) {
        return f(k + "rps", 0) + "/s, p99 " + f(k + "p99ms", 1) + " ms" + (n(k + "errors", 0) > 0
                ? " (" + f(k + "errors", 0) + " errors)" : "") + (n(k + "unsigned", 0) > 0
                ? " (" + f(k + "unsigned", 0) + " unsigned OCSP errors, e.g. tryLater)" : "");
    }

    private String checks(String who) {
        return List.of("good", "revoked", "hold", "unknown").stream().map(k -> s("ocsp.check." + who + "." + k))
                .collect(Collectors.joining("; "));
    }

    private String otherCosts() {
        return v.keySet().stream().filter(k -> k.startsWith("argon2.other.")).sorted()
                .map(k -> k.substring(13, k.length() - 6) + ": " + f(k, 1) + " ms").collect(Collectors.joining("; "));
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private String ratio(String a, String b) {
        double x = n(a, Double.NaN);
        double y = n(b, Double.NaN);
        return Double.isNaN(x) || Double.isNaN(y) || y == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ×", x / y);
    }

    private String f(String key, int decimals) {
        double x = n(key, Double.NaN);
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", x);
    }

    private double n(String key, double otherwise) {
        try {
            return Double.parseDouble(v.get(key));
        } catch (NullPointerException | NumberFormatException e) {
            return otherwise;
        }
    }

    private String s(String key) {
        return v.getOrDefault(key, "n/a");
    }

    private static void insert(Path doc, String run) throws Exception {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int at = text.indexOf(MARKER);
        if (at < 0) {
            text = text + "\n" + MARKER + "\n";
            at = text.indexOf(MARKER);
        }
        int end = at + MARKER.length();
        Files.writeString(doc, text.substring(0, end) + "\n\n" + run + text.substring(end), StandardCharsets.UTF_8);
    }
}
