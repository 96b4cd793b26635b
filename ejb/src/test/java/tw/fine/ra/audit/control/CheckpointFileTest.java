package tw.fine.ra.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.audit.entity.Checkpoint;

/** The checkpoint file outside the database: appended only, its latest checkpoint found at its end. */
class CheckpointFileTest {

    @TempDir
    Path dir;

    private static Checkpoint at(long seq) {
        return new Checkpoint(seq, "ab".repeat(32), CheckpointSignatureTest.AT, "cd".repeat(32), "MEUCIQ==");
    }

    @Test
    void noFileNoCheckpoint() {
        assertEquals(Optional.empty(), new CheckpointFile(dir.resolve("not-yet")).latest());
    }

    @Test
    void appendsLinesAndNeverRewritesThem() throws Exception {
        CheckpointFile file = new CheckpointFile(dir.resolve("audit"));
        file.append(at(1));
        file.append(at(2));

        assertEquals(List.of(at(1).line(), at(2).line()), Files.readAllLines(file.path()));
        assertEquals(Optional.of(at(2)), file.latest());
    }

    @Test
    void theLatestIsTheHighestRecordEvenWhenCommitsAppendedOutOfOrder() {
        CheckpointFile file = new CheckpointFile(dir);
        file.append(at(7));
        file.append(at(9));
        file.append(at(8));

        assertEquals(9, file.latest().orElseThrow().seq());
    }

    @Test
    void ofTwoCheckpointsOfOneRecordTheLaterLineIsTheLatest() {
        CheckpointFile file = new CheckpointFile(dir);
        Checkpoint later = new Checkpoint(5, at(5).hash(), at(5).signedAt().plusSeconds(1), at(5).keyId(), "MEQCIA==");
        file.append(at(5));
        file.append(later);

        assertEquals(Optional.of(later), file.latest());
    }

    @Test
    void aLineCutShortByACrashIsSkipped() throws Exception {
        CheckpointFile file = new CheckpointFile(dir);
        file.append(at(3));
        String torn = at(4).line();
        Files.writeString(file.path(), torn.substring(0, torn.length() / 2), StandardCharsets.US_ASCII,
                StandardOpenOption.APPEND);

        assertEquals(Optional.of(at(3)), file.latest());
    }

    @Test
    void onlyTheEndOfALongFileIsRead() {
        CheckpointFile file = new CheckpointFile(dir);
        long lines = CheckpointFile.TAIL / at(1).line().length() * 3;
        for (long seq = 1; seq <= lines; seq++) {
            file.append(at(seq));
        }

        assertEquals(lines, file.latest().orElseThrow().seq());
        assertTrue(file.path().toFile().length() > 2L * CheckpointFile.TAIL);
    }
}
