package tw.fine.ra.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The test server's log: what it wrote after {@link #mark()}. */
public final class ServerLog {

    private final Path file;
    private final long start;

    private ServerLog(Path file) throws IOException {
        this.file = file;
        this.start = Files.size(file);
    }

    /** Starts reading at the end of the running server's log (the newest of the provisioned servers). */
    public static ServerLog mark() {
        try (Stream<Path> servers = Files.list(Path.of("target"))) {
            Path log = servers.filter(p -> p.getFileName().toString().startsWith("server"))
                    .map(p -> p.resolve("standalone/log/server.log")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no server.log under target/server*"));
            return new ServerLog(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the server logged since the mark. */
    public String since() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
