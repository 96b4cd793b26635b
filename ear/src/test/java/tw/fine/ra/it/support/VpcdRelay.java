package tw.fine.ra.it.support;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The hand that pulls the card: a relay between the agent's simulated card ({@code --vpcd}
 * {@link #address()}, vpcd's usual slot) and the vpcd reader of a {@link Pcscd#startBehindRelay} pcscd. While inserted it passes vpcd's frames (2-byte
 * length and payload) both ways; {@link #pullOn} takes the card out of the reader the moment the
 * reader sends a chosen command APDU, so pcscd and every PC/SC client see a card removed in the middle
 * of that command; {@link #holdOn} lets a chosen command wait, as a slow card or a holder who leaves
 * a dialog open would. The agent's card itself never notices: it stays connected to this relay.
 */
public final class VpcdRelay implements AutoCloseable {

    private static final int INS_VERIFY = 0x20;
    private static final int INS_GENERATE = 0x47;

    private final ServerSocket listener;
    private final CountDownLatch pulled = new CountDownLatch(1);
    private volatile Socket card;
    private volatile Socket reader;
    private volatile Predicate<byte[]> pullOn = apdu -> false;
    private volatile Predicate<byte[]> holdOn = apdu -> false;
    private volatile Duration hold = Duration.ZERO;

    private VpcdRelay(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens for the agent's card where vpcd usually does (the agent plugs its card into a vpcd slot only). */
    public static VpcdRelay open() throws IOException {
        int port = Integer.parseInt(Pcscd.VPCD_SLOT.substring(Pcscd.VPCD_SLOT.indexOf(':') + 1));
        VpcdRelay relay = new VpcdRelay(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
        Thread accept = new Thread(relay::acceptCard, "vpcd-relay-card");
        accept.setDaemon(true);
        accept.start();
        return relay;
    }

    /** The agent's {@code --vpcd} value. */
    public String address() {
        return Pcscd.VPCD_SLOT;
    }

    /** GENERATE ASYMMETRIC KEY PAIR for {@code slot} (e.g. 0x9D). */
    public static Predicate<byte[]> generateKey(int slot) {
        return apdu -> (apdu[1] & 0xFF) == INS_GENERATE && (apdu[3] & 0xFF) == slot;
    }

    /** VERIFY carrying a PIN (not the empty VERIFY that only asks for the tries left). */
    public static Predicate<byte[]> verifyPin() {
        return apdu -> (apdu[1] & 0xFF) == INS_VERIFY && apdu.length > 5;
    }

    /** Puts the card into pcscd's vpcd reader once the agent connected its card to this relay. */
    public void insert() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (card == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the agent did not connect its card to " + address());
            }
            Thread.sleep(50);
        }
        String[] slot = Pcscd.RELAYED_VPCD_SLOT.split(":");
        Socket connection = new Socket(slot[0], Integer.parseInt(slot[1]));
        connection.setTcpNoDelay(true);
        reader = connection;
        Thread toCard = new Thread(() -> readerToCard(connection), "vpcd-relay-reader");
        toCard.setDaemon(true);
        toCard.start();
    }

    /** From now on, the first command APDU matching {@code apdu} pulls the card instead of reaching it. */
    public void pullOn(Predicate<byte[]> apdu) {
        pullOn = apdu;
    }

    /** From now on, each command APDU matching {@code apdu} reaches the card {@code delay} late. */
    public void holdOn(Predicate<byte[]> apdu, Duration delay) {
        hold = delay;
        holdOn = apdu;
    }

    /** Whether a {@link #pullOn} rule pulled the card (waits a little for it). */
    public boolean pulled(Duration wait) throws InterruptedException {
        return pulled.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptCard() {
        try {
            Socket connection = listener.accept();
            connection.setTcpNoDelay(true);
            card = connection;
            DataInputStream in = new DataInputStream(connection.getInputStream());
            byte[] frame;
            while ((frame = frame(in)) != null) {
                Socket current = reader;
                if (current != null) {
                    send(current.getOutputStream(), frame);
                }
            }
        } catch (IOException e) {
            // the relay or the agent closed: nothing left to pass on
        }
    }

    /** Passes the reader's frames to the card until the card is pulled or the reader goes. */
    private void readerToCard(Socket connection) {
        try {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            OutputStream toCard = card.getOutputStream();
            byte[] frame;
            while ((frame = frame(in)) != null) {
                boolean apdu = frame.length > 4;
                if (apdu && pullOn.test(frame)) {
                    pullOn = any -> false;
                    reader = null;
                    connection.close();
                    pulled.countDown();
                    return;
                }
                if (apdu && holdOn.test(frame)) {
                    Thread.sleep(hold.toMillis());
                }
                send(toCard, frame);
            }
        } catch (IOException | InterruptedException e) {
            // pulled, or the relay closed
        }
    }

    private static byte[] frame(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readUnsignedShort();
        } catch (java.io.EOFException e) {
            return null;
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    private static void send(OutputStream out, byte[] payload) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeShort(payload.length);
        data.write(payload);
        data.flush();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : new Socket[] {reader, card}) {
            if (socket != null) {
                socket.close();
            }
        }
        listener.close();
    }

    /** For failure messages: whether the card is in the reader. */
    @Override
    public String toString() {
        return "vpcd relay " + address() + (reader != null ? " (card inserted)" : " (no card)");
    }
}
