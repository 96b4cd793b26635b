package tw.fine.ra.card.protocol.piv;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Answer of the vendor KEY INFO instruction: applet version, personalization, PIN tries, key slots. */
public record KeyInfo(String appletVersion, boolean personalized, int pinTriesLeft, Map<Slot, KeyAlgorithm> keys) {

    static KeyInfo parse(byte[] r) {
        if (r.length < 13 || r.length % 2 == 0) {
            throw new IllegalArgumentException("KEY INFO answer has " + r.length + " bytes");
        }
        Map<Slot, KeyAlgorithm> keys = new EnumMap<>(Slot.class);
        for (int p = 5; p < r.length; p += 2) {
            KeyAlgorithm algorithm = KeyAlgorithm.byIdOrNull(r[p + 1] & 0xFF);
            if (algorithm != null) {
                keys.put(Slot.byReference(r[p] & 0xFF), algorithm);
            }
        }
        String version = (r[0] & 0xFF) + "." + (r[1] & 0xFF) + "." + (r[2] & 0xFF);
        return new KeyInfo(version, r[3] == 1, r[4], Collections.unmodifiableMap(keys));
    }
}
