package tw.fine.ra.registration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "70759028", // the specification's example
        "22099131", // divisible by 10: valid under the old and the new rule
        "12345686", // divisible by 5 only: valid since the 2023 rule
        "10000073", // seventh digit 7, valid when 28 counts as 1
        "10000074"  // seventh digit 7, valid when 28 counts as 0
    })
    void validNumbersAreAccepted(String text) {
        assertEquals(text, BusinessNumber.of(text).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"70759029", "22099132", "10000075", "12345687"})
    void invalidBusinessNumberRejected(String text) {
        var e = assertThrows(InvalidBusinessNumberException.class, () -> BusinessNumber.of(text));
        assertEquals(InvalidBusinessNumberException.Reason.CHECKSUM, e.reason());
        assertEquals("registration.ubn.checksum", e.messageKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "123456789", "7075902A", "7075 9028"})
    void malformedNumbersAreRejectedAsFormat(String text) {
        var e = assertThrows(InvalidBusinessNumberException.class, () -> BusinessNumber.of(text));
        assertEquals(InvalidBusinessNumberException.Reason.FORMAT, e.reason());
    }

    @org.junit.jupiter.api.Test
    void surroundingBlanksAreIgnored() {
        assertEquals("70759028", BusinessNumber.of(" 70759028 ").value());
    }
}
