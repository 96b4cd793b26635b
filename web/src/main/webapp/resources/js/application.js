/*
 * Certificate application (憑證申請): drives the local agent and the RA's API step by step without
 * leaving the page (SPEC function 2). The page (app/apply.xhtml) provides the agent's address, the
 * API base, the progress list (li[data-step]) and the messages (template#application-messages).
 * Secrets never pass here: the PIN is typed in the agent's own dialog, the management key stays on
 * the server, and every card-changing request carries a ticket the server signed for this step.
 */
import {AgentError, CardAgent, callServer} from './card-agent.js';

const root = document.getElementById('application');
const agent = new CardAgent(root.dataset.agentUrl, document.documentElement.lang || 'zh-TW');
const api = (path, body) => callServer(root.dataset.api, path, body);
const terms = document.getElementById('terms');
const start = document.getElementById('apply');
const retry = document.getElementById('retry');
const readerChoice = document.getElementById('reader-choice');
const readerSelect = document.getElementById('reader');
const status = document.getElementById('application-status');
const failure = document.getElementById('application-error');

function message(key, fallback) {
    // a <template>'s children live in its content fragment, not in the document
    const node = document.getElementById('application-messages').content.querySelector('[data-key="' + key + '"]');
    return node ? node.textContent : (fallback || key);
}

function show(step) {
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
    status.textContent = message('step.' + step);
    root.dataset.step = step;
}

function fail(error) {
    const code = error instanceof AgentError ? error.code : 'UNEXPECTED';
    let text = message('error.' + code, error.message);
    if (code === 'PIN_INCORRECT' && error.details.triesLeft !== undefined) {
        text = message('error.PIN_INCORRECT') + ' ' + message('tries-left').replace('{0}', error.details.triesLeft);
    }
    failure.textContent = text;
    root.dataset.error = code;
    retry.hidden = false;
    start.disabled = !terms.checked;
}

async function chooseReader() {
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
    if (readerSelect.options.length === 0 || readerChoice.hidden) {
        readerSelect.replaceChildren(...withCard.map(r => new Option(r.name, r.name)));
        readerChoice.hidden = false;
        throw new AgentError('CHOOSE_READER');
    }
    return readerSelect.value;
}

/** The relayed management-key authentication: the card and the server prove themselves to each other. */
async function authenticate(application, reader, step) {
    const opened = await agent.perform(step.operation, {reader, params: step.params, ticket: step.ticket});
    const answer = await api(application + '/challenge', {witness: opened.witness});
    const proof = await agent.perform('admin-answer', {reader, session: opened.session,
        params: {witness: answer.witness, challenge: answer.challenge}});
    const next = await api(application + '/proof', {challengeId: answer.challengeId, response: proof.response});
    return {session: opened.session, next};
}

async function apply() {
    failure.textContent = '';
    delete root.dataset.error;
    retry.hidden = true;
    start.disabled = true;
    try {
        show('agent');
        await agent.trustedStatus(root);
        show('card');
        const reader = await chooseReader();
        const card = await agent.card(reader);
        if (!card.present) {
            throw new AgentError('NO_CARD');
        }
        const started = await api('start', {card: card.guid, termsAccepted: terms.checked});
        const application = started.applicationId;

        show('authenticate');
        let admin = await authenticate(application, reader, started.adminAuthenticate);
        show('keys');
        const generated = {};
        for (const step of admin.next.filter(s => s.operation === 'generate-key')) {
            generated[step.params.slot] = await agent.perform(step.operation,
                {reader, session: admin.session, params: step.params, ticket: step.ticket});
        }
        await agent.perform('admin-close', {reader, session: admin.session});

        show('requests');
        const requests = {};
        for (const step of admin.next.filter(s => s.operation === 'sign-request')) {
            const signed = await agent.perform(step.operation, {reader, params: step.params, ticket: step.ticket});
            const key = generated[step.params.slot];
            requests[step.params.slot] = {request: signed.request, attestation: key.attestation,
                attestationIssuer: key.attestationIssuer || ''};
        }

        show('issue');
        const issued = await api(application + '/requests', {signing: requests['9C'], encryption: requests['9D']});

        show('write');
        admin = await authenticate(application, reader, issued.next);
        try {
            for (const step of admin.next) {
                await agent.perform(step.operation, {reader, session: admin.session, params: step.params,
                    ticket: step.ticket});
                await api(application + '/written', {slot: step.params.slot});
            }
        } catch (writeFailed) {
            // the pair stays issued, not on card: the download page finishes it
            root.dataset.download = 'true';
            document.getElementById('to-download').hidden = false;
            throw writeFailed;
        } finally {
            await agent.perform('admin-close', {reader, session: admin.session}).catch(() => undefined);
        }
        show('done');
        retry.hidden = true;
    } catch (error) {
        fail(error);
    }
}

terms.addEventListener('change', () => {
    start.disabled = !terms.checked || root.dataset.step === 'done';
});
start.addEventListener('click', apply);
retry.addEventListener('click', apply);
start.disabled = !terms.checked;
