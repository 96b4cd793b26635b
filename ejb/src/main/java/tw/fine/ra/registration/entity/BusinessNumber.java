package tw.fine.ra.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Taiwan unified business number (統一編號): eight digits with the Ministry of Finance check.
 * Each digit is multiplied by 1,2,1,2,1,2,4,1 and the digits of every product are added; the
 * total must be divisible by 5 (since 2023; older numbers are divisible by 10, a subset). When the
 * seventh digit is 7 its product 28 gives 2+8 = 10, which counts as 1 or as 0: either total may
 * satisfy the rule.
 */
@Embeddable
public class BusinessNumber {

    private static final int[] WEIGHTS = {1, 2, 1, 2, 1, 2, 4, 1};

    @Column(name = "ubn", length = 8, nullable = false, unique = true)
    private String value;

    protected BusinessNumber() {
    }

    private BusinessNumber(String value) {
        this.value = value;
    }

    /** @throws InvalidBusinessNumberException naming why the text is not a valid number */
    public static BusinessNumber of(String text) {
        String v = text == null ? "" : text.strip();
        if (!v.matches("\\d{8}")) {
            throw new InvalidBusinessNumberException(InvalidBusinessNumberException.Reason.FORMAT);
        }
        if (!checksumHolds(v)) {
            throw new InvalidBusinessNumberException(InvalidBusinessNumberException.Reason.CHECKSUM);
        }
        return new BusinessNumber(v);
    }

    static boolean checksumHolds(String digits) {
        int total = 0;
        for (int i = 0; i < 8; i++) {
            int product = (digits.charAt(i) - '0') * WEIGHTS[i];
            total += product / 10 + product % 10;
        }
        if (digits.charAt(6) == '7') {
            // the 10 from 28 counts as 1 or as 0
            int withOne = total - 10 + 1;
            int withZero = total - 10;
            return withOne % 5 == 0 || withZero % 5 == 0;
        }
        return total % 5 == 0;
    }

    public String value() {
        return value;
    }

    /** The id of this organization's subscriber number {@code seq}: {@code UBN-00-NNNN} (SPEC §2). */
    public String subscriberId(int seq) {
        return String.format("%s-00-%04d", value, seq);
    }

    /** Whether a subscriber id is one this organization gives: its number, {@code -00-}, four digits. */
    public boolean gives(String subscriberId) {
        return subscriberId != null && subscriberId.length() == 16 && subscriberId.startsWith(value + "-00-")
                && subscriberId.substring(12).chars().allMatch(Character::isDigit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessNumber other && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
