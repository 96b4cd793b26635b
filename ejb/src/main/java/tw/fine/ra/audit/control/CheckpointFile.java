package tw.fine.ra.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import tw.fine.ra.audit.entity.Checkpoint;

/**
 * The checkpoints kept outside the database: one line each, appended and forced to disk, never
 * rewritten. The latest is the one with the highest record number among the file's last lines (two
 * nodes, or two commits, may append out of order), the last written of equals; a line cut short by a
 * crash is skipped.
 */
public final class CheckpointFile {

    public static final String NAME = "audit-checkpoints.log";

    /** How much of the end of the file is read for the latest line: many lines, whatever the file's size. */
    static final int TAIL = 64 * 1024;

    /** One writer at a time in this server; the file lock keeps out other processes. */
    private static final Object WRITING = new Object();

    private final Path file;

    public CheckpointFile(Path directory) {
        this.file = directory.resolve(NAME);
    }

    public void append(Checkpoint checkpoint) {
        byte[] line = (checkpoint.line() + "\n").getBytes(StandardCharsets.US_ASCII);
        synchronized (WRITING) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND); var lock = out.lock()) {
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        }
    }

    public Optional<Checkpoint> latest() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = Math.max(0, in.size() - TAIL);
            ByteBuffer tail = ByteBuffer.allocate((int) (in.size() - start));
            while (tail.hasRemaining() && in.read(tail, start + tail.position()) >= 0) {
                // reads until the tail is full
            }
            return new String(tail.array(), 0, tail.position(), StandardCharsets.US_ASCII).lines()
                    .map(Checkpoint::parse).flatMap(Optional::stream)
                    .reduce((earlier, later) -> later.seq() >= earlier.seq() ? later : earlier);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Path path() {
        return file;
    }
}
