package tw.fine.ra.card.protocol.piv;

import tw.fine.ra.card.protocol.keys.CardChallenge;

import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A FINE RA PIV card seen through a {@link CardChannel}: the same code drives a PC/SC reader
 * and the jCardSim simulator. Splits long commands into chained APDUs and collects 61xx
 * responses through GET RESPONSE, so callers see whole objects.
 */
public final class PivCard {

    /** The 9-byte PIV AID prefix middleware selects with (SP 800-73-4 allows omitting the version). */
    public static final byte[] AID_PREFIX = HexFormat.of().parseHex("A000000308000010" + "00");

    private static final int SW_OK = 0x9000;
    private static final int SW_NOT_FOUND = 0x6A82;
    private static final int CHUNK = 255;

    private final CardChannel channel;

    public PivCard(CardChannel channel) {
        this.channel = channel;
    }

    /** SELECT by partial AID; returns the application property template (tag 61). */
    public byte[] select() throws CardException, CardStatusException {
        return send("SELECT", 0x00, 0xA4, 0x04, 0x00, AID_PREFIX);
    }

    /** Contents of a data object's 53 block, or empty when the card has no such object. */
    public Optional<byte[]> readObject(int tag) throws CardException, CardStatusException {
        try {
            return Optional.of(Tlv.unwrap(0x53, send("GET DATA", 0x00, 0xCB, 0x3F, 0xFF, Tlv.encode(0x5C, tag(tag)))));
        } catch (CardStatusException e) {
            if (e.statusWord() == SW_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void writeObject(int tag, byte[] contents) throws CardException, CardStatusException {
        send("PUT DATA", 0x00, 0xDB, 0x3F, 0xFF, Tlv.concat(Tlv.encode(0x5C, tag(tag)), Tlv.encode(0x53, contents)));
    }

    /** Certificate object layout: 70 certificate, 71 00 (not compressed), FE 00 (no error detection code). */
    public void writeCertificate(Slot slot, byte[] der) throws CardException, CardStatusException {
        writeObject(slot.certificateTag(), Tlv.concat(Tlv.encode(0x70, der), Tlv.encode(0x71, new byte[] {0}),
                Tlv.encode(0xFE, new byte[0])));
    }

    public Optional<byte[]> readCertificate(Slot slot) throws CardException, CardStatusException {
        Optional<byte[]> object = readObject(slot.certificateTag());
        return object.map(o -> Tlv.children(o).get(0x70));
    }

    /** The card's GUID from its CHUID: the identity command tickets are bound to. */
    public Optional<byte[]> guid() throws CardException, CardStatusException {
        Optional<byte[]> chuid = readObject(0x5FC102);
        return chuid.map(c -> Tlv.children(c).get(0x34));
    }

    public void verifyPin(char[] pin) throws CardException, CardStatusException {
        sendSecret("VERIFY", 0x20, Pin.encode(pin));
    }

    public void changePin(char[] oldPin, char[] newPin) throws CardException, CardStatusException {
        sendSecret("CHANGE REFERENCE DATA", 0x24, Tlv.concat(Pin.encode(oldPin), Pin.encode(newPin)));
    }

    public void resetRetryCounter(byte[] puk, char[] newPin) throws CardException, CardStatusException {
        sendSecret("RESET RETRY COUNTER", 0x2C, Tlv.concat(puk, Pin.encode(newPin)));
    }

    /** Step 1 of management-key mutual authentication: the card's encrypted witness. */
    public byte[] requestWitness(ManagementKeyAlgorithm algorithm) throws CardException, CardStatusException {
        byte[] r = send("GENERAL AUTHENTICATE 9B", 0x00, 0x87, algorithm.id(), 0x9B,
                Tlv.encode(0x7C, Tlv.encode(0x80, new byte[0])));
        return Tlv.children(Tlv.unwrap(0x7C, r)).get(0x80);
    }

    /** Step 2: the decrypted witness and the key holder's challenge; returns the card's encrypted challenge. */
    public byte[] answerWitness(ManagementKeyAlgorithm algorithm, byte[] witness, byte[] challenge)
            throws CardException, CardStatusException {
        byte[] r = send("GENERAL AUTHENTICATE 9B", 0x00, 0x87, algorithm.id(), 0x9B,
                Tlv.encode(0x7C, Tlv.concat(Tlv.encode(0x80, witness), Tlv.encode(0x81, challenge))));
        return Tlv.children(Tlv.unwrap(0x7C, r)).get(0x82);
    }

    /**
     * Both steps with a key held locally: for the RA's personalization station and tests only.
     * The agent relays the two steps to the server instead.
     */
    public void authenticate(ManagementKeyAlgorithm algorithm, byte[] key) throws CardException, CardStatusException {
        authenticate(algorithm, key, 1);
    }

    /** {@link #authenticate(ManagementKeyAlgorithm, byte[])} for {@code adminCommands} administrative commands. */
    public void authenticate(ManagementKeyAlgorithm algorithm, byte[] key, int adminCommands)
            throws CardException, CardStatusException {
        CardChallenge holder = CardChallenge.answer(algorithm, key, requestWitness(algorithm), adminCommands);
        if (!holder.cardProved(answerWitness(algorithm, holder.witness(), holder.challenge()))) {
            throw new CardException("card does not hold the expected management key");
        }
    }

    public PublicKey generate(Slot slot, KeyAlgorithm algorithm) throws CardException, CardStatusException {
        byte[] template = send("GENERATE ASYMMETRIC KEY PAIR", 0x00, 0x47, 0x00, slot.reference(),
                Tlv.encode(0xAC, Tlv.encode(0x80, new byte[] {(byte) algorithm.id()})));
        return PublicKeys.fromTemplate(algorithm, template);
    }

    /** Private-key operation on {@code input}: a padded RSA block, or a hash for ECDSA. */
    public byte[] privateKeyOperation(Slot slot, KeyAlgorithm algorithm, byte[] input)
            throws CardException, CardStatusException {
        return generalAuthenticate(slot, algorithm, 0x81, input);
    }

    /** ECDH with the slot's key and a peer's uncompressed point; returns the shared x coordinate. */
    public byte[] keyAgreement(Slot slot, byte[] peerPoint) throws CardException, CardStatusException {
        return generalAuthenticate(slot, KeyAlgorithm.EC_P256, 0x85, peerPoint);
    }

    /** A SHA-256 signature in the usual encoding (PKCS#1 v1.5 for RSA, DER ECDSA for P-256). */
    public byte[] signSha256(Slot slot, KeyAlgorithm algorithm, byte[] digest) throws CardException, CardStatusException {
        byte[] input = algorithm == KeyAlgorithm.RSA_2048 ? Padding.pkcs1Sha256(digest, 256) : digest;
        return privateKeyOperation(slot, algorithm, input);
    }

    private byte[] generalAuthenticate(Slot slot, KeyAlgorithm algorithm, int inputTag, byte[] input)
            throws CardException, CardStatusException {
        byte[] body = Tlv.encode(0x7C, Tlv.concat(Tlv.encode(0x82, new byte[0]), Tlv.encode(inputTag, input)));
        byte[] r = send("GENERAL AUTHENTICATE " + slot.id(), 0x00, 0x87, algorithm.id(), slot.reference(), body);
        return Tlv.children(Tlv.unwrap(0x7C, r)).get(0x82);
    }

    /**
     * The public key of the key in a slot (vendor GET METADATA, YubiKey layout), read from the card
     * itself; 6A88 when the slot is empty.
     */
    public PublicKey publicKey(Slot slot) throws CardException, CardStatusException {
        Map<Integer, byte[]> metadata = Tlv.children(send("GET METADATA", 0x00, 0xF7, 0x00, slot.reference(), null));
        KeyAlgorithm algorithm = KeyAlgorithm.byIdOrNull(metadata.get(0x01)[0] & 0xFF);
        return PublicKeys.fromFields(algorithm, metadata.get(0x04));
    }

    /** The attestation certificate (DER) of a slot's key, signed by the card's attestation key F9. */
    public byte[] attest(Slot slot) throws CardException, CardStatusException {
        return send("ATTEST", 0x00, 0xF9, slot.reference(), 0x00, null);
    }

    public KeyInfo keyInfo() throws CardException, CardStatusException {
        return KeyInfo.parse(send("KEY INFO", 0x00, 0xE3, 0x00, 0x00, null));
    }

    /** A blank card's transport key, to which the RA seals the personalization ({@link PersonalizationSealer}). */
    public java.security.interfaces.ECPublicKey transportKey() throws CardException, CardStatusException {
        return (java.security.interfaces.ECPublicKey) PublicKeys.fromTemplate(KeyAlgorithm.EC_P256,
                send("GET TRANSPORT KEY", 0x00, 0xE4, 0x00, 0x00, null));
    }

    /** Personalizes with an envelope the RA sealed; returns the generated 9E key. */
    public PublicKey personalizeSealed(byte[] envelope, KeyAlgorithm cardAuthenticationKey)
            throws CardException, CardStatusException {
        byte[] template = send("PERSONALIZE", 0x00, 0xE1, 0x00, cardAuthenticationKey.id(), envelope);
        return PublicKeys.fromTemplate(cardAuthenticationKey, template);
    }

    /**
     * Seals {@code data} to this card's transport key here and personalizes: for a station that
     * holds the secrets itself (tests, the simulator's development card). The RA relays an envelope instead.
     */
    public PublicKey personalize(Personalization data) throws CardException, CardStatusException {
        return personalizeSealed(PersonalizationSealer.seal(transportKey(), data), data.cardAuthenticationKey());
    }

    /** The server-authorized PIN reset; valid once after a management-key authentication. */
    public void adminResetPin(char[] newPin) throws CardException, CardStatusException {
        sendSecret("ADMIN RESET PIN", 0xE2, Pin.encode(newPin));
    }

    /** A PIN-reference (80) command whose body holds secrets: wiped once sent. */
    private void sendSecret(String name, int ins, byte[] body) throws CardException, CardStatusException {
        try {
            send(name, 0x00, ins, 0x00, 0x80, body);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** Sends one command (chained when longer than 255 bytes) and returns all response data. */
    public byte[] send(String name, int cla, int ins, int p1, int p2, byte[] data)
            throws CardException, CardStatusException {
        ResponseAPDU response = transmitChained(cla, ins, p1, p2, data == null ? new byte[0] : data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(response.getData());
        while (response.getSW1() == 0x61) {
            response = channel.transmit(new CommandAPDU(0x00, 0xC0, 0x00, 0x00, 256));
            out.writeBytes(response.getData());
        }
        if (response.getSW() != SW_OK) {
            throw new CardStatusException(name, response.getSW());
        }
        return out.toByteArray();
    }

    private ResponseAPDU transmitChained(int cla, int ins, int p1, int p2, byte[] data)
            throws CardException, CardStatusException {
        int p = 0;
        // Non-final blocks go without Le: jCardSim's 260-byte APDU buffer cannot take 255 bytes plus Le.
        while (data.length - p > CHUNK) {
            ResponseAPDU r = channel.transmit(new CommandAPDU(cla | 0x10, ins, p1, p2, data, p, CHUNK));
            if (r.getSW() != SW_OK) {
                throw new CardStatusException("chained block", r.getSW());
            }
            p += CHUNK;
        }
        if (data.length - p == 0) {
            return channel.transmit(new CommandAPDU(cla, ins, p1, p2, 256));
        }
        return channel.transmit(new CommandAPDU(cla, ins, p1, p2, data, p, data.length - p, 256));
    }

    private static byte[] tag(int tag) {
        return tag <= 0xFF ? new byte[] {(byte) tag} : new byte[] {(byte) (tag >>> 16), (byte) (tag >>> 8), (byte) tag};
    }

    /** Tag-to-value view of a 53 block, for callers reading CHUID or CCC fields. */
    public static Map<Integer, byte[]> fields(byte[] contents) {
        return Tlv.children(contents);
    }
}
