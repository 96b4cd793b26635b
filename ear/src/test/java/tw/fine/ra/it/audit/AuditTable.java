package tw.fine.ra.it.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** Direct JDBC on the audit tables, as someone with database access (not the application) would. */
final class AuditTable {

    private final DataSource db;

    AuditTable(DataSource db) {
        this.db = db;
    }

    /** Every column of a row of {@code table} that matches {@code where}, in table order. */
    Map<String, Object> row(String table, String where, Object key) throws SQLException {
        return rows(table, where, key).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no row in " + table + " where " + where + " " + key));
    }

    private static boolean isTime(int sqlType) {
        return sqlType == Types.TIMESTAMP_WITH_TIMEZONE || sqlType == Types.TIMESTAMP;
    }

    int update(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                u.setObject(i + 1, params[i]);
            }
            return u.executeUpdate();
        }
    }

    void insert(String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        update("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
    }

    List<Long> seqsWithSubject(String subject) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT seq FROM audit_record WHERE subject = ? ORDER BY seq")) {
            q.setString(1, subject);
            List<Long> seqs = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            return seqs;
        }
    }

    long headSeq() throws SQLException {
        return ((Number) row("audit_head", "id = ?", 1).get("last_seq")).longValue();
    }

    /** Every row of {@code table} that matches {@code where}, in the order asked for. */
    List<Map<String, Object>> rows(String table, String whereAndOrder, Object key) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT * FROM " + table + " WHERE " + whereAndOrder)) {
            q.setObject(1, key);
            try (ResultSet rs = q.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), isTime(meta.getColumnType(i))
                                ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The chain from {@code seq} on and the head, as they are now, to put back after a test rewrote them. */
    Snapshot snapshotFrom(long seq) throws SQLException {
        return new Snapshot(seq, rows("audit_record", "seq >= ? ORDER BY seq", seq), row("audit_head", "id = ?", 1));
    }

    record Snapshot(long from, List<Map<String, Object>> records, Map<String, Object> head) {
    }

    /** Puts the chain from the snapshot's first record on, and the head, back as they were. */
    void restore(Snapshot snapshot) throws SQLException {
        update("DELETE FROM audit_record WHERE seq >= ?", snapshot.from());
        for (Map<String, Object> record : snapshot.records()) {
            insert("audit_record", record);
        }
        update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", snapshot.head().get("last_seq"),
                snapshot.head().get("last_hash"));
    }

    /**
     * Edited versions of a stored value, of whatever type it is: a number moved by {@code delta},
     * a time a second and a microsecond later (finer than what is hashed), text with its first
     * character changed but its length kept.
     */
    static List<Object> edits(Object value, long delta) {
        if (value instanceof Integer i) {
            return List.of((int) (i + delta));
        }
        if (value instanceof Long l) {
            return List.of(l + delta);
        }
        if (value instanceof OffsetDateTime t) {
            return List.of(t.plusSeconds(1), t.plusNanos(1_000));
        }
        if (value instanceof String s) {
            return List.of((s.charAt(0) == 'a' ? "b" : "a") + s.substring(1));
        }
        throw new IllegalStateException("no edit known for " + value.getClass() + ": add one, so the new column is tested");
    }
}
