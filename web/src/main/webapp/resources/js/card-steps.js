/*
 * What the card pages that walk through steps share (application.js, download.js): the progress
 * list (li[data-step] in #progress), the status and error lines, the localized messages of the
 * page's <template>, the reader choice and the relayed management-key authentication. The page's
 * root element carries data-step (the current step) and data-error (the last failure's code), which
 * the browser tests wait for.
 */
import {AgentError} from './card-agent.js';

export class CardSteps {
    /** {@code prefix}: the page's ids are <prefix>-status, <prefix>-error and <prefix>-messages. */
    constructor(root, prefix) {
        this.root = root;
        this.status = document.getElementById(prefix + '-status');
        this.failure = document.getElementById(prefix + '-error');
        this.messages = document.getElementById(prefix + '-messages');
        this.readerChoice = document.getElementById('reader-choice');
        this.readerSelect = document.getElementById('reader');
    }

    message(key, fallback) {
        // a <template>'s children live in its content fragment, not in the document
        const node = this.messages.content.querySelector('[data-key="' + key + '"]');
        return node ? node.textContent : (fallback || key);
    }

    /** Marks the steps before {@code step} done, {@code step} current, and says what happens now. */
    show(step) {
        let reached = false;
        document.querySelectorAll('#progress li[data-step]').forEach(item => {
            const current = item.dataset.step === step;
            item.className = current ? 'step-current' : (reached || step === 'done' ? 'step-todo' : 'step-done');
            if (step === 'done') {
                item.className = 'step-done';
            }
            if (current) {
                item.setAttribute('aria-current', 'step');
                reached = true;
            } else {
                item.removeAttribute('aria-current');
            }
        });
        this.status.textContent = this.message('step.' + step);
        this.root.dataset.step = step;
    }

    clear() {
        this.failure.textContent = '';
        delete this.root.dataset.error;
    }

    /** The failure in the page's words (the agent's or the server's when the page has none); returns its code. */
    fail(error) {
        const code = error instanceof AgentError ? error.code : 'UNEXPECTED';
        let text = this.message('error.' + code, error.message);
        if (code === 'PIN_INCORRECT' && error.details.triesLeft !== undefined) {
            text = this.message('error.PIN_INCORRECT') + ' '
                + this.message('tries-left').replace('{0}', error.details.triesLeft);
        }
        this.failure.textContent = text;
        this.root.dataset.error = code;
        return code;
    }

    /** The reader holding the card; with several, the subscriber chooses in the list and retries. */
    async chooseReader(agent) {
        const readers = await agent.readers();
        const withCard = readers.filter(r => r.cardPresent);
        if (readers.length === 0) {
            throw new AgentError('NO_READER');
        }
        if (withCard.length === 0) {
            throw new AgentError('NO_CARD');
        }
        if (withCard.length === 1) {
            return withCard[0].name;
        }
        if (this.readerSelect.options.length === 0 || this.readerChoice.hidden) {
            this.readerSelect.replaceChildren(...withCard.map(r => new Option(r.name, r.name)));
            this.readerChoice.hidden = false;
            throw new AgentError('CHOOSE_READER');
        }
        return this.readerSelect.value;
    }
}

/**
 * The relayed management-key authentication: the card and the server prove themselves to each
 * other through the agent. {@code challenge(witness)} and {@code proof(challengeId, response)}
 * call the page's API; answers the agent session and the server's answer to the proof. A refused
 * proof closes the session.
 */
export async function authenticate(agent, reader, step, challenge, proof) {
    const opened = await agent.perform(step.operation, {reader, params: step.params, ticket: step.ticket});
    const answer = await challenge(opened.witness);
    const response = await agent.perform('admin-answer', {reader, session: opened.session,
        params: {witness: answer.witness, challenge: answer.challenge}});
    try {
        return {session: opened.session, next: await proof(answer.challengeId, response.response)};
    } catch (refused) {
        // the card would stay busy until the session times out
        await agent.perform('admin-close', {reader, session: opened.session}).catch(() => undefined);
        throw refused;
    }
}
