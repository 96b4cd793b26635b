import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time went, from a flight recording of the server (bench/run.sh --jfr): the execution
 * samples of the threads whose name matches, grouped by the component on top of the stack, then the
 * methods that are most often on top (self) and most often anywhere in the stack (inclusive, this
 * project's and a few markers only); then the time those threads spent waiting (parked, on a
 * monitor, on a file or a socket), summed by kind and by where it was waited for.
 *
 * java bench/JfrTop.java server.jfr [--threads REGEX] [--top N] [--within METHOD] [--inclusive PREFIX]
 *
 * --within keeps only the samples with that method (Class.method, e.g.
 * CertificateAuthority.issuePair) in their stack, so one operation's share can be read. --inclusive
 * lists other methods than this project's in the inclusive part: those whose class name starts so
 * (e.g. org.hibernate.).
 */
public class JfrTop {

    /** The component a frame belongs to, by its class name's start; the first that matches. */
    static final Map<String, String> COMPONENTS = new LinkedHashMap<>();
    static {
        COMPONENTS.put("org.h2.", "H2 (database engine)");
        COMPONENTS.put("org.postgresql.", "PostgreSQL JDBC driver");
        COMPONENTS.put("org.hibernate.", "Hibernate");
        COMPONENTS.put("com.arjuna.", "Narayana (JTA)");
        COMPONENTS.put("org.jboss.jca.", "IronJacamar (connection pool)");
        COMPONENTS.put("org.jboss.weld.", "Weld (CDI)");
        COMPONENTS.put("org.jboss.as.ejb3.", "WildFly EJB");
        COMPONENTS.put("org.jboss.invocation.", "WildFly EJB");
        COMPONENTS.put("org.bouncycastle.", "Bouncy Castle");
        COMPONENTS.put("java.math.", "java.math (BigInteger)");
        COMPONENTS.put("sun.security.", "JDK crypto");
        COMPONENTS.put("tw.fine.ra.", "this project");
        COMPONENTS.put("io.undertow.", "Undertow");
        COMPONENTS.put("org.xnio.", "Undertow");
        COMPONENTS.put("jakarta.", "Jakarta APIs");
        COMPONENTS.put("java.", "JDK");
        COMPONENTS.put("jdk.", "JDK");
        COMPONENTS.put("sun.", "JDK");
    }

    public static void main(String[] args) throws Exception {
        Pattern threads = Pattern.compile(".*");
        int top = 25;
        String within = null;
        String inclusivePrefix = "tw.fine.ra.";
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Pattern.compile(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--within" -> within = args[++i];
                case "--inclusive" -> inclusivePrefix = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Integer> components = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        Map<String, Double> waited = new HashMap<>();
        Map<String, Integer> waits = new HashMap<>();
        if (within != null && !within.contains(".")) {
            throw new IllegalArgumentException("--within takes Class.method");
        }
        String operation = within;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            boolean sample = type.equals("jdk.ExecutionSample");
            if (!sample && !WAITS.contains(type)) {
                continue;
            }
            var thread = sample ? event.getThread("sampledThread") : event.getThread();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || thread == null || !threads.matcher(String.valueOf(thread.getJavaName())).matches()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (within != null && frames.stream().map(JfrTop::name).noneMatch(n -> n.endsWith("." + operation))) {
                continue;
            }
            if (!sample) {
                String where = type.substring(4) + " in " + name(frames.get(0)) + " from " + ourFrame(frames);
                waited.merge(where, event.getDuration().toNanos() / 1e9, Double::sum);
                waits.merge(where, 1, Integer::sum);
                continue;
            }
            samples++;
            components.merge(component(frames), 1, Integer::sum);
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if ((name.startsWith(inclusivePrefix) || name.startsWith("org.hibernate.engine.transaction")
                        || name.contains("TransactionImple.commit") || name.contains("doCommit"))
                        && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%,d execution samples (threads %s%s)%n", samples, threads,
                within == null ? "" : ", within " + within);
        print("by component on top of the stack", components, samples, top);
        print("self: on top of the stack", self, samples, top);
        print("inclusive: anywhere in the stack (" + inclusivePrefix + "*, commits)", inclusive, samples, top);
        System.out.println();
        System.out.printf("waiting: %.3f s in %,d waits (kind, where, from this project's innermost method)%n",
                waited.values().stream().mapToDouble(Double::doubleValue).sum(),
                waits.values().stream().mapToInt(Integer::intValue).sum());
        waited.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %8.3f s %6d  %s%n", e.getValue(), waits.get(e.getKey()), e.getKey()));
    }

    /** The kinds of waiting counted; bench/run.sh records every one of them (threshold 0). */
    static final Set<String> WAITS = Set.of("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
            "jdk.ThreadSleep", "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce", "jdk.SocketRead", "jdk.SocketWrite");

    private static String ourFrame(List<RecordedFrame> frames) {
        return frames.stream().map(JfrTop::name).filter(n -> n.startsWith("tw.fine.ra.") && !n.contains("$"))
                .findFirst().orElse("?");
    }

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (var entry : COMPONENTS.entrySet()) {
                if (type.startsWith(entry.getKey())) {
                    // JDK frames count under the first non-JDK caller's component, when there is one
                    if (entry.getValue().equals("JDK") || entry.getValue().equals("Jakarta APIs")) {
                        break;
                    }
                    return entry.getValue();
                }
            }
        }
        return "JDK";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
