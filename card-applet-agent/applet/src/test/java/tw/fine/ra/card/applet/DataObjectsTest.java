package tw.fine.ra.card.applet;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.card.protocol.piv.Tlv;

import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.card.applet.CardFixture.assertSw;

class DataObjectsTest {

    @Test
    void discoveryObjectNamesPivAndThePinPolicy() throws Exception {
        ResponseAPDU r = CardFixture.personalized().raw("00CB3FFF035C017E00");
        assertEquals(0x9000, r.getSW());
        Map<Integer, byte[]> discovery = Tlv.children(Tlv.unwrap(0x7E, r.getData()));
        assertArrayEquals(HexFormat.of().parseHex("A0000003080000100001 00".replace(" ", "")), discovery.get(0x4F));
        assertArrayEquals(new byte[] {0x40, 0x00}, discovery.get(0x5F2F));
    }

    @Test
    void chuidCarriesTheGuidGivenAtPersonalization() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertArrayEquals(CardFixture.GUID, card.piv.guid().orElseThrow());
        Map<Integer, byte[]> chuid = Tlv.children(card.piv.readObject(0x5FC102).orElseThrow());
        assertEquals(25, chuid.get(0x30).length);
        assertEquals("20361231", new String(chuid.get(0x35), java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void cccIsPresentWithItsCardIdentifier() throws Exception {
        Map<Integer, byte[]> ccc = Tlv.children(CardFixture.personalized().piv.readObject(0x5FC107).orElseThrow());
        assertEquals(21, ccc.get(0xF0).length);
        assertArrayEquals(Arrays.copyOf(CardFixture.GUID, 14), Arrays.copyOfRange(ccc.get(0xF0), 7, 21));
    }

    @Test
    void missingObjectIs6A82() throws Exception {
        assertEquals(0x6A82, CardFixture.personalized().raw("00CB3FFF055C035FC10500").getSW());
    }

    @Test
    void missingObjectIs6A82EvenWhenTheFirstReadAsksForEightBytes() throws Exception {
        assertEquals(0x6A82, CardFixture.personalized().raw("00CB3FFF055C035FC10508").getSW());
    }

    @Test
    void eightByteFirstReadOfAnObjectGets61xxAndTheRestByGetResponse() throws Exception {
        CardFixture card = CardFixture.personalized();
        byte[] whole = card.piv.send("GET DATA", 0, 0xCB, 0x3F, 0xFF, HexFormat.of().parseHex("5C035FC102"));
        ResponseAPDU first = card.raw("00CB3FFF055C035FC10208");
        assertEquals(0x61, first.getSW1());
        assertEquals(whole.length - 8, first.getSW2());
        ResponseAPDU rest = card.channel.transmit(new CommandAPDU(0x00, 0xC0, 0, 0, first.getSW2()));
        assertEquals(0x9000, rest.getSW());
        byte[] joined = Tlv.concat(first.getData(), rest.getData());
        assertArrayEquals(whole, joined);
    }

    @Test
    void unknownObjectIs6A82() throws Exception {
        assertEquals(0x6A82, CardFixture.personalized().raw("00CB3FFF055C035FFF0100").getSW());
    }

    @Test
    void getDataWithWrongP1P2Is6A86() throws Exception {
        assertEquals(0x6A86, CardFixture.personalized().raw("00CB3F00035C017E00").getSW());
    }

    @Test
    void malformedTagListIs6A80() throws Exception {
        assertEquals(0x6A80, CardFixture.personalized().raw("00CB3FFF035D017E00").getSW());
    }

    @Test
    void putDataNeedsTheManagementKey() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertSw(0x6982, () -> card.piv.writeCertificate(Slot.AUTHENTICATION, new byte[100]));
    }

    @Test
    void aCertificateOfOneAndAHalfKilobytesGoesInAndOutByChaining() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        byte[] certificate = new byte[1536];
        new Random(7).nextBytes(certificate);
        card.piv.writeCertificate(Slot.SIGNATURE, certificate);
        assertArrayEquals(certificate, card.piv.readCertificate(Slot.SIGNATURE).orElseThrow());
        Map<Integer, byte[]> object = Tlv.children(card.piv.readObject(0x5FC10A).orElseThrow());
        assertArrayEquals(new byte[] {0}, object.get(0x71));
        assertEquals(0, object.get(0xFE).length);
    }

    @Test
    void anObjectLargerThanItsRoomIs6A84() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        assertSw(0x6A84, () -> card.piv.writeCertificate(Slot.SIGNATURE, new byte[3100]));
    }

    @Test
    void aCommandLongerThanTheChainBufferIs6700() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        assertSw(0x6700, () -> card.piv.writeCertificate(Slot.SIGNATURE, new byte[3300]));
    }

    @Test
    void anEmptyBlockDeletesTheObject() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin(2);
        card.piv.writeCertificate(Slot.AUTHENTICATION, new byte[300]);
        card.piv.writeObject(0x5FC105, new byte[0]);
        assertTrue(card.piv.readCertificate(Slot.AUTHENTICATION).isEmpty());
    }

    @Test
    void theChuidCannotBeRewrittenAfterPersonalization() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        assertSw(0x6985, () -> card.piv.writeObject(0x5FC102, new byte[] {0x34, 0x01, 0x00}));
    }

    @Test
    void putDataOfAnUnknownObjectIs6A82() throws Exception {
        CardFixture card = CardFixture.personalized();
        card.authenticateAdmin();
        assertSw(0x6A82, () -> card.piv.writeObject(0x5FFF02, new byte[] {1}));
    }

    @Test
    void aChainInterruptedByAnotherInstructionStartsAfresh() throws Exception {
        CardFixture card = CardFixture.personalized();
        assertEquals(0x9000, card.raw("10DB3FFF02" + "5C03").getSW());
        // The dangling chain must not be glued in front of this complete GET DATA.
        ResponseAPDU r = card.raw("00CB3FFF035C017E00");
        assertEquals(0x9000, r.getSW());
        assertEquals(0x7E, r.getData()[0]);
    }
}
