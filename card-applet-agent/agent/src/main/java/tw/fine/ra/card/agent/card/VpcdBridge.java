package tw.fine.ra.card.agent.card;

import com.licel.jcardsim.smartcardio.CardSimulator;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * Puts a simulated card into vsmartcard's virtual reader, so the operating system's PC/SC
 * service and all middleware see it as a real card. Protocol: each message is a 2-byte
 * big-endian length and a payload; one-byte payloads are power off (0), power on (1),
 * reset (2) and "send the ATR" (4); longer ones are command APDUs answered with a response.
 */
public final class VpcdBridge implements AutoCloseable {

    private static final int POWER_OFF = 0;
    private static final int POWER_ON = 1;
    private static final int RESET = 2;
    private static final int GET_ATR = 4;
    private static final int INS_SELECT = 0xA4;

    private final CardSimulator card;
    private final Socket socket;
    private final Thread thread;

    private VpcdBridge(CardSimulator card, Socket socket) {
        this.card = card;
        this.socket = socket;
        this.thread = new Thread(this::serve, "vpcd-bridge");
        this.thread.setDaemon(true);
    }

    /** Connects to vpcd (e.g. 127.0.0.1:35963 for reader "Virtual PCD 00 00") and starts answering. */
    public static VpcdBridge connect(CardSimulator card, String host, int port) throws IOException {
        Socket socket = new Socket();
        // vpcd's reader waits for each answer: without NODELAY every APDU would stall on Nagle's algorithm.
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        VpcdBridge bridge = new VpcdBridge(card, socket);
        bridge.thread.start();
        return bridge;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    private void serve() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                byte[] message = new byte[in.readUnsignedShort()];
                in.readFully(message);
                byte[] answer = answer(message);
                if (answer != null) {
                    out.writeShort(answer.length);
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (SocketException | java.io.EOFException e) {
            // vpcd or this bridge closed the connection: the card has left the reader.
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] answer(byte[] message) {
        if (message.length == 1) {
            switch (message[0]) {
                case POWER_OFF, POWER_ON, RESET -> card.reset();
                case GET_ATR -> {
                    return card.getATR();
                }
                default -> {
                    return null;
                }
            }
            return null;
        }
        byte[] response = card.transmitCommand(message);
        // jCardSim answers 6999 when no applet has the AID; real cards (and middleware probing for
        // other applications, such as yubico-piv-tool's OTP check) expect 6A82 "not found".
        boolean failedSelect = message.length > 1 && (message[1] & 0xFF) == INS_SELECT && response.length == 2
                && response[0] == 0x69 && response[1] == (byte) 0x99;
        return failedSelect ? new byte[] {0x6A, (byte) 0x82} : response;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
