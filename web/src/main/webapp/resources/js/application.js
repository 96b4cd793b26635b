/*
 * Certificate application (憑證申請): drives the local agent and the RA's API step by step without
 * leaving the page (SPEC function 2). The page (app/apply.xhtml) provides the agent's address, the
 * API base, the progress list (li[data-step]) and the messages (template#application-messages).
 * Secrets never pass here: the PIN is typed in the agent's own dialog, the management key stays on
 * the server, and every card-changing request carries a ticket the server signed for this step.
 */
import {AgentError, CardAgent, callServer} from './card-agent.js';
import {CardSteps, authenticate as relay} from './card-steps.js';

const root = document.getElementById('application');
const agent = new CardAgent(root.dataset.agentUrl, document.documentElement.lang || 'zh-TW');
const api = (path, body) => callServer(root.dataset.api, path, body);
const steps = new CardSteps(root, 'application');
const show = step => steps.show(step);
const terms = document.getElementById('terms');
const start = document.getElementById('apply');
const retry = document.getElementById('retry');

function fail(error) {
    steps.fail(error);
    retry.hidden = false;
    start.disabled = !terms.checked;
}

/** The relayed management-key authentication for this application. */
function authenticate(application, reader, step) {
    return relay(agent, reader, step, witness => api(application + '/challenge', {witness}),
        (challengeId, response) => api(application + '/proof', {challengeId, response}));
}

async function apply() {
    steps.clear();
    retry.hidden = true;
    start.disabled = true;
    try {
        show('agent');
        await agent.trustedStatus(root);
        show('card');
        const reader = await steps.chooseReader(agent);
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
        try {
            for (const step of admin.next.filter(s => s.operation === 'generate-key')) {
                generated[step.params.slot] = await agent.perform(step.operation,
                    {reader, session: admin.session, params: step.params, ticket: step.ticket});
            }
        } finally {
            // a failed generation must not leave the card busy for the retry
            await agent.perform('admin-close', {reader, session: admin.session}).catch(() => undefined);
        }

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
