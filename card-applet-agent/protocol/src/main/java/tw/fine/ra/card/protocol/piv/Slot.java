package tw.fine.ra.card.protocol.piv;

import java.util.Locale;

/**
 * The four PIV key slots, the attestation key F9 (generated at personalization, signs only
 * attestations; its certificate is the YubiKey object 5FFF01) and the data object holding each
 * one's certificate.
 */
public enum Slot {
    AUTHENTICATION(0x9A, 0x5FC105),
    SIGNATURE(0x9C, 0x5FC10A),
    KEY_MANAGEMENT(0x9D, 0x5FC10B),
    CARD_AUTHENTICATION(0x9E, 0x5FC101),
    ATTESTATION(0xF9, 0x5FFF01);

    private final int reference;
    private final int certificateTag;

    Slot(int reference, int certificateTag) {
        this.reference = reference;
        this.certificateTag = certificateTag;
    }

    public int reference() {
        return reference;
    }

    public int certificateTag() {
        return certificateTag;
    }

    /** Hex name as middleware and users write it: "9A". */
    public String id() {
        return String.format(Locale.ROOT, "%02X", reference);
    }

    public static Slot byId(String id) {
        for (Slot slot : values()) {
            if (slot.id().equalsIgnoreCase(id)) {
                return slot;
            }
        }
        throw new IllegalArgumentException("unknown key slot " + id);
    }

    public static Slot byReference(int reference) {
        for (Slot slot : values()) {
            if (slot.reference == reference) {
                return slot;
            }
        }
        throw new IllegalArgumentException("unknown key reference " + reference);
    }
}
