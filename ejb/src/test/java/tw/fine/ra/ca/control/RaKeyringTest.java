package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.fine.ra.audit.control.CheckpointSignature;
import tw.fine.ra.audit.entity.AuditSigningKey;
import tw.fine.ra.ca.entity.CardMasterKey;
import tw.fine.ra.ca.entity.TicketSigningKey;
import tw.fine.ra.card.protocol.keys.CardKeyDiversification;
import tw.fine.ra.card.protocol.ticket.Expectation;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.ReplayGuard;
import tw.fine.ra.card.protocol.ticket.TicketSigner;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;

/** The RA's card keys in a PKCS#12 CA key store: made once, the same after reopening. */
class RaKeyringTest {

    static final byte[] GUID = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");

    @TempDir
    Path dir;

    private RaKeyring open() {
        return new RaKeyring(new Pkcs12CaKeyStore(dir.resolve("ca.p12"), "changeit".toCharArray()),
                CaSettings.defaults(), Clock.systemUTC());
    }

    @Test
    void masterKeysAndTicketKeySurviveAReopenedKeyStore() {
        RaKeyring first = open();
        Map<CardMasterKey.Purpose, CardMasterKey> before = first.cardMasterKeys();
        TicketSigningKey ticketBefore = first.ticketKey();

        RaKeyring second = open();

        Map<CardMasterKey.Purpose, CardMasterKey> after = second.cardMasterKeys();
        assertArrayEquals(managementKey(before), managementKey(after));
        assertArrayEquals(puk(before), puk(after));
        assertEquals(ticketBefore.publicKey(), second.ticketKey().publicKey());
    }

    @Test
    void eachPurposeHasItsOwnRandomMasterAndNoneIsInTheFileInClear() throws Exception {
        Map<CardMasterKey.Purpose, CardMasterKey> keys = open().cardMasterKeys();
        byte[] management = keys.get(CardMasterKey.Purpose.MANAGEMENT_KEY).key().getEncoded();
        byte[] puk = keys.get(CardMasterKey.Purpose.PUK).key().getEncoded();

        assertEquals(32, management.length);
        assertFalse(java.util.Arrays.equals(management, puk));
        byte[] file = Files.readAllBytes(dir.resolve("ca.p12"));
        assertFalse(HexFormat.of().formatHex(file).contains(HexFormat.of().formatHex(management)));
        assertFalse(keys.toString().contains(HexFormat.of().formatHex(management)), "a key's text names only its purpose");
    }

    @Test
    void ticketsSignedWithTheStoredKeyVerifyWithItsPublicHalf() throws Exception {
        TicketSigningKey key = open().ticketKey();
        Instant now = Instant.now();
        String ticket = new TicketSigner(key.privateKey(), key.provider(), "kid").issue(Operation.SIGN_CHALLENGE,
                "https://localhost:8443", "00112233445566778899AABBCCDDEEFF", "h", now, Duration.ofMinutes(5));

        TicketVerifier verifier = new TicketVerifier(key.publicKey(), Clock.fixed(now, ZoneOffset.UTC),
                new ReplayGuard(now.minusSeconds(60)));
        assertTrue(verifier.verify(ticket, new Expectation(Operation.SIGN_CHALLENGE, "https://localhost:8443",
                "00112233445566778899AABBCCDDEEFF", "h")) != null);
    }

    @Test
    void theAuditKeyIsItsOwnKeySurvivesAReopenedStoreAndSignsCheckpoints() {
        AuditSigningKey first = open().auditKey();
        AuditSigningKey reopened = open().auditKey();
        CheckpointSignature signature = new CheckpointSignature(reopened);

        assertEquals(first.publicKey(), reopened.publicKey());
        assertNotEquals(open().ticketKey().publicKey(), reopened.publicKey());
        assertTrue(new CheckpointSignature(first).isGenuine(signature.sign(7, "ab".repeat(32), Instant.now())));
    }

    static byte[] managementKey(Map<CardMasterKey.Purpose, CardMasterKey> keys) {
        CardMasterKey master = keys.get(CardMasterKey.Purpose.MANAGEMENT_KEY);
        return new CardKeyDiversification(master.key(), master.provider()).managementKey(GUID);
    }

    static byte[] puk(Map<CardMasterKey.Purpose, CardMasterKey> keys) {
        CardMasterKey master = keys.get(CardMasterKey.Purpose.PUK);
        return new CardKeyDiversification(master.key(), master.provider()).puk(GUID);
    }
}
