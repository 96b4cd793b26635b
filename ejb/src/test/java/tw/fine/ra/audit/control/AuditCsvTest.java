package tw.fine.ra.audit.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tw.fine.ra.audit.entity.Actor;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.audit.entity.AuditRecord;
import tw.fine.ra.audit.entity.Entries;
import tw.fine.ra.audit.entity.Outcome;

class AuditCsvTest {

    private static String csvOf(AuditEntry... records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AuditCsv csv = new AuditCsv(bytes)) {
            Arrays.stream(records).forEach(csv::add);
        }
        byte[] all = bytes.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(all, 3), "UTF-8 BOM");
        return new String(all, 3, all.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void headerNamesEveryColumnAndLinesEndInCrLf() {
        assertEquals("seq,recorded_at,actor,actor_role,client_address,event,outcome,subject,detail,prev_hash,hash\r\n",
                csvOf());
    }

    @Test
    void aRecordIsOneLineWithTheTimeInTaipei() {
        AuditRecord r = new AuditRecord(0, "0".repeat(64), Instant.parse("2026-11-25T16:05:00.007Z"),
                new Actor("王小明", "CLERK", "10.0.0.7"), AuditEvent.SIGN_IN, Outcome.FAILURE, "70759028-00-0007", "錯誤密碼");
        String line = csvOf(Entries.of(r)).split("\r\n")[1];
        assertEquals("1,2026-11-26T00:05:00.007+08:00,王小明,CLERK,10.0.0.7,SIGN_IN,FAILURE,70759028-00-0007,錯誤密碼,"
                + "0".repeat(64) + "," + r.getHash(), line);
    }

    static Stream<Arguments> fields() {
        return Stream.of(
                arguments("plain", "plain"),
                arguments("a,b", "\"a,b\""),
                arguments("say \"hi\"", "\"say \"\"hi\"\"\""),
                arguments("two\r\nlines", "\"two\r\nlines\""),
                arguments("one\nline", "\"one\nline\""),
                // what a spreadsheet would run as a formula is defused
                arguments("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
                arguments("+1", "'+1"),
                arguments("-1+2", "'-1+2"),
                arguments("@SUM(A1)", "'@SUM(A1)"),
                arguments("=1,2", "\"'=1,2\""),
                arguments("-", "-"));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void fieldsAreQuotedPerRfc4180AndFormulasDefused(String value, String written) {
        assertEquals(written, AuditCsv.field(value));
    }
}
