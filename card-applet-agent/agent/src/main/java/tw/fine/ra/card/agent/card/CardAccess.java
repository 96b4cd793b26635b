package tw.fine.ra.card.agent.card;

import tw.fine.ra.card.agent.core.AgentException;
import tw.fine.ra.card.agent.core.ErrorCode;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * All card I/O, for PC/SC and simulated readers alike. Everything runs on one card thread:
 * javax.smartcardio ties exclusive access to the thread that began it, and a request may span
 * several HTTP calls. Each call waits at most {@code timeout}; a stuck thread is abandoned.
 */
public final class CardAccess implements AutoCloseable {

    private final Supplier<TerminalFactory> factories;
    private final Duration timeout;
    private final ReaderScope scope;
    private TerminalFactory factory;
    private ExecutorService cardThread = newCardThread();

    public CardAccess(Supplier<TerminalFactory> factories, Duration timeout) {
        this(factories, timeout, ReaderScope.everyReader());
    }

    /** Only the readers in {@code scope} are listed and used; any other is as absent as an unplugged one. */
    public CardAccess(Supplier<TerminalFactory> factories, Duration timeout, ReaderScope scope) {
        this.factories = factories;
        this.timeout = timeout;
        this.scope = scope;
    }

    public List<ReaderInfo> readers() throws AgentException {
        return onCardThread(() -> {
            List<ReaderInfo> result = new ArrayList<>();
            for (CardTerminal terminal : terminals()) {
                result.add(new ReaderInfo(terminal.getName(), terminal.isCardPresent()));
            }
            return result;
        }, null);
    }

    /** Connects, takes the card exclusively, selects PIV, runs {@code work}, resets the card. */
    public <T> T withCard(String readerName, CardWork<T> work) throws AgentException {
        CardSession session = open(readerName);
        try {
            return inSession(session, work);
        } finally {
            close(session);
        }
    }

    public CardSession open(String readerName) throws AgentException {
        return onCardThread(() -> {
            CardTerminal terminal = find(readerName);
            if (!terminal.isCardPresent()) {
                throw new AgentException(ErrorCode.CARD_ABSENT, terminal.getName());
            }
            Card card = terminal.connect("*");
            card.beginExclusive();
            CardSession session = new CardSession(terminal, card);
            session.piv.select();
            return session;
        }, null);
    }

    public <T> T inSession(CardSession session, CardWork<T> work) throws AgentException {
        return onCardThread(() -> work.run(session.piv), session.terminal);
    }

    /** Ends exclusivity and resets the card, which also drops any management-key authentication. */
    public void close(CardSession session) {
        try {
            onCardThread(() -> {
                try {
                    session.card.endExclusive();
                } finally {
                    session.card.disconnect(true);
                }
                return null;
            }, session.terminal);
        } catch (AgentException e) {
            // The card is gone or the service died: nothing left to release.
        }
    }

    @Override
    public void close() {
        cardThread.shutdownNow();
    }

    private List<CardTerminal> terminals() throws CardException {
        List<CardTerminal> all;
        if (factory == null) {
            factory = factories.get();
        }
        try {
            all = factory.terminals().list();
        } catch (CardException e) {
            // A restarted PC/SC service invalidates the old context: ask a fresh factory once.
            factory = null;
            factory = factories.get();
            all = factory.terminals().list();
        }
        return all.stream().filter(terminal -> scope.includes(terminal.getName())).toList();
    }

    private CardTerminal find(String readerName) throws CardException, AgentException {
        List<CardTerminal> all = terminals();
        for (CardTerminal terminal : all) {
            if (readerName == null || readerName.isBlank() ? terminal.isCardPresent() : terminal.getName().equals(readerName)) {
                return terminal;
            }
        }
        if (readerName == null || readerName.isBlank()) {
            throw new AgentException(all.isEmpty() ? ErrorCode.READER_NOT_FOUND : ErrorCode.CARD_ABSENT, "no card in any reader");
        }
        throw new AgentException(ErrorCode.READER_NOT_FOUND, readerName);
    }

    private <T> T onCardThread(Callable<T> call, CardTerminal terminal) throws AgentException {
        Future<T> future;
        synchronized (this) {
            future = cardThread.submit(call);
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            synchronized (this) {
                cardThread.shutdownNow();
                cardThread = newCardThread();
            }
            throw new AgentException(ErrorCode.CARD_TIMEOUT, "no answer within " + timeout, Map.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(ErrorCode.CARD_TIMEOUT, "interrupted", Map.of(), e);
        } catch (ExecutionException e) {
            throw CardErrors.translate(e.getCause(), terminal);
        }
    }

    private static ExecutorService newCardThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "card-io");
            t.setDaemon(true);
            return t;
        });
    }
}
