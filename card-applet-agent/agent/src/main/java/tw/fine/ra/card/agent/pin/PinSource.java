package tw.fine.ra.card.agent.pin;

import tw.fine.ra.card.agent.core.AgentException;

/** Asks the card holder for PINs; throws PIN_CANCELLED or PIN_MISMATCH when that is the answer. */
public interface PinSource {

    /** The current PIN; the caller wipes it. */
    char[] currentPin(PinPrompt prompt) throws AgentException;

    /** A new PIN entered twice (and the current one if {@code askCurrent}); the caller closes it. */
    NewPin newPin(PinPrompt prompt, boolean askCurrent) throws AgentException;
}
