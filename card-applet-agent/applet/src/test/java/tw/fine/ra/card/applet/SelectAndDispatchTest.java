package tw.fine.ra.card.applet;

import org.junit.jupiter.api.Test;
import tw.fine.ra.card.protocol.piv.Tlv;

import javax.smartcardio.ResponseAPDU;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectAndDispatchTest {

    @Test
    void partialAidSelectAnswersTheApplicationPropertyTemplate() throws Exception {
        CardFixture card = CardFixture.blank();
        Map<Integer, byte[]> apt = Tlv.children(Tlv.unwrap(0x61, card.piv.select()));
        assertArrayEquals(HexFormat.of().parseHex("000010000100"), apt.get(0x4F));
        assertArrayEquals(HexFormat.of().parseHex("4F05A000000308"), apt.get(0x79));
        String algorithms = HexFormat.of().formatHex(apt.get(0xAC));
        assertTrue(algorithms.contains("800108") && algorithms.contains("800103")
                && algorithms.contains("800107") && algorithms.contains("800111"), algorithms);
    }

    @Test
    void fullAidSelectWorksToo() throws Exception {
        CardFixture card = CardFixture.blank();
        ResponseAPDU r = card.raw("00A404000BA000000308000010000100" + "00");
        assertEquals(0x9000, r.getSW());
        assertEquals(0x61, r.getData()[0]);
    }

    @Test
    void unknownInstructionIs6D00() throws Exception {
        assertEquals(0x6D00, CardFixture.personalized().raw("00770000").getSW());
    }

    @Test
    void foreignClassIs6E00() throws Exception {
        assertEquals(0x6E00, CardFixture.personalized().raw("80CB3FFF035C017E00").getSW());
    }

    @Test
    void getResponseWithNothingPendingIs6985() throws Exception {
        assertEquals(0x6985, CardFixture.personalized().raw("00C0000000").getSW());
    }

    @Test
    void versionIsReadableTheYubicoWay() throws Exception {
        ResponseAPDU r = CardFixture.blank().raw("00FD000000");
        assertEquals(0x9000, r.getSW());
        assertArrayEquals(new byte[] {1, 1, 0}, r.getData());
    }
}
