package tw.fine.ra.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tw.fine.ra.audit.entity.AuditSigningKey;
import tw.fine.ra.audit.entity.Checkpoint;

/** A checkpoint holds only as signed: any field changed, or another key, and it no longer checks. */
class CheckpointSignatureTest {

    static final String HASH = "ab".repeat(32);
    static final Instant AT = Instant.parse("2025-03-01T02:03:04.567Z");

    static AuditSigningKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        return new AuditSigningKey(keys.getPrivate(), null, keys.getPublic());
    }

    @Test
    void aSignedCheckpointChecksWithItsKeyAndSurvivesTheFileLine() throws Exception {
        AuditSigningKey key = newKey();
        CheckpointSignature signature = new CheckpointSignature(key);

        Checkpoint checkpoint = signature.sign(42, HASH, AT);

        assertEquals(key.keyId(), checkpoint.keyId());
        assertTrue(signature.isGenuine(checkpoint));
        assertEquals(Optional.of(checkpoint), Checkpoint.parse(checkpoint.line()));
        assertTrue(signature.isGenuine(Checkpoint.parse(checkpoint.line()).orElseThrow()));
    }

    @Test
    void anyFieldChangedAfterSigningBreaksTheSignature() throws Exception {
        CheckpointSignature signature = new CheckpointSignature(newKey());
        Checkpoint c = signature.sign(42, HASH, AT);

        assertFalse(signature.isGenuine(new Checkpoint(41, c.hash(), c.signedAt(), c.keyId(), c.signature())));
        assertFalse(signature.isGenuine(new Checkpoint(c.seq(), "cd".repeat(32), c.signedAt(), c.keyId(), c.signature())));
        assertFalse(signature.isGenuine(new Checkpoint(c.seq(), c.hash(), AT.plusMillis(1), c.keyId(), c.signature())));
        assertFalse(signature.isGenuine(new Checkpoint(c.seq(), c.hash(), c.signedAt(), c.keyId(), "AAAA")));
        assertFalse(signature.isGenuine(new Checkpoint(c.seq(), c.hash(), c.signedAt(), c.keyId(), "not base64!")));
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsNotGenuineEvenUnderThisKeysId() throws Exception {
        CheckpointSignature ours = new CheckpointSignature(newKey());
        AuditSigningKey other = newKey();
        Checkpoint forged = new CheckpointSignature(other).sign(42, HASH, AT);
        Checkpoint relabelled = new Checkpoint(42, HASH, AT, ours.sign(1, HASH, AT).keyId(), forged.signature());

        assertFalse(ours.isGenuine(forged));
        assertFalse(ours.isGenuine(relabelled));
    }

    @Test
    void theKeysTextNamesItsIdNeverThePrivateKey() throws Exception {
        AuditSigningKey key = newKey();

        assertTrue(key.toString().contains(key.keyId()));
        String secret = ((java.security.interfaces.ECPrivateKey) key.privateKey()).getS().toString(16);
        assertFalse(key.toString().contains(secret));
    }

    @Test
    void linesOfAnotherShapeAreNoCheckpoints() {
        assertEquals(Optional.empty(), Checkpoint.parse(""));
        assertEquals(Optional.empty(), Checkpoint.parse("42 " + HASH + " 2025-03-01T02:03:04.567Z"));
        assertEquals(Optional.empty(), Checkpoint.parse("42 " + HASH + " yesterday " + HASH + " AAAA"));
    }
}
