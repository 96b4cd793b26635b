package tw.fine.ra.card.agent.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs a command-line tool nobody on this project wrote, with a deadline, and keeps what it printed. */
public record Tool(int exit, String output) {

    public static Tool run(String... command) throws IOException, InterruptedException {
        requireInstalled(command[0]);
        Path output = Files.createTempFile("tool", ".out");
        // Output goes to a file so the deadline holds even if the tool waits for a terminal that is not there.
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " did not finish:\n" + Files.readString(output));
            }
            return new Tool(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Missing tools fail the run (never skip it): CI installs them from .ci/packages.txt. */
    static void requireInstalled(String program) {
        boolean found = program.contains("/") ? Files.isExecutable(Path.of(program))
                : List.of(System.getenv("PATH").split(":")).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        if (!found) {
            fail(program + " is not installed: apt-get install the packages in .ci/packages.txt");
        }
    }

    public Tool succeeded() {
        assertTrue(exit == 0, "exit " + exit + ":\n" + output);
        return this;
    }

    public Tool says(String text) {
        assertTrue(output.contains(text), "expected \"" + text + "\" in:\n" + output);
        return this;
    }
}
