package tw.fine.ra.audit.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.platform.ClockProducer;

/**
 * Writes records as RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote or
 * line break, quotes doubled. UTF-8 with a byte order mark, because Excel reads a CSV without one
 * in the machine's ANSI code page and garbles Chinese.
 *
 * <p>A field that starts like a spreadsheet formula ({@code = + - @}, tab, CR) gets a leading
 * apostrophe: actor names and details can carry text typed by anyone at the sign-in page, and
 * must not run as formulas on an auditor's machine. Strip that apostrophe before recomputing hashes.
 */
public final class AuditCsv implements AutoCloseable {

    static final List<String> COLUMNS = List.of("seq", "recorded_at", "actor", "actor_role", "client_address",
            "event", "outcome", "subject", "detail", "prev_hash", "hash");

    private static final DateTimeFormatter TAIPEI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ClockProducer.TAIPEI);

    private final Writer out;

    public AuditCsv(OutputStream stream) {
        out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        write("\uFEFF");
        line(COLUMNS);
    }

    public void add(AuditEntry r) {
        line(List.of(Long.toString(r.seq()), TAIPEI_TIME.format(r.recordedAt()), r.actor(), r.actorRole(),
                r.clientAddress(), r.event(), r.outcome(), r.subject(), r.detail(), r.prevHash(), r.hash()));
    }

    private void line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            line.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        write(line.append("\r\n").toString());
    }

    /** One field, neutralized and quoted as needed; a single "-" (our "nothing") stays as it is. */
    static String field(String value) {
        String safe = value.length() > 1 && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes; the stream itself belongs to the caller. */
    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
