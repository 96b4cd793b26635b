/*
 * Certificate download (憑證下載, SPEC function 4): writes the chosen certificates that are issued but
 * not on the card onto it, without leaving the page (app/download.xhtml). First the card signs the
 * server's nonce with the key in each certificate's slot (PIN in the agent's own dialog), so the
 * server refuses before any write unless the card holds the matching keys; then the card proves its
 * management key to the server, the agent writes each certificate on its ticket, and the server
 * marks it on the card. Every card request carries a ticket the server signed for this step.
 */
import {AgentError, CardAgent, callServer} from './card-agent.js';
import {CardSteps, authenticate} from './card-steps.js';

const root = document.getElementById('download');
const agent = new CardAgent(root.dataset.agentUrl, document.documentElement.lang || 'zh-TW');
const api = (path, body) => callServer(root.dataset.api, path, body);
const steps = new CardSteps(root, 'download');
const write = document.getElementById('write');
const retry = document.getElementById('retry');

function chosen() {
    return [...document.querySelectorAll('#waiting input.pick:checked:not(:disabled)')].map(i => Number(i.value));
}

/** The row of a certificate now on the card: its status says so and it can no longer be chosen. */
function markOnCard(number) {
    const row = document.querySelector('#waiting tr[data-certificate="' + number + '"]');
    row.querySelector('.status').textContent = steps.message('on-card');
    const pick = row.querySelector('input.pick');
    pick.checked = false;
    pick.disabled = true;
}

async function download() {
    steps.clear();
    retry.hidden = true;
    write.disabled = true;
    try {
        const certificates = chosen();
        if (certificates.length === 0) {
            throw new AgentError('NOTHING_CHOSEN');
        }
        steps.show('agent');
        await agent.trustedStatus(root);
        steps.show('card');
        const reader = await steps.chooseReader(agent);
        const card = await agent.card(reader);
        if (!card.present) {
            throw new AgentError('NO_CARD');
        }
        const started = await api('start', {card: card.guid, certificates});

        steps.show('proof');
        const signatures = [];
        for (const proof of started.proofs) {
            const signed = await agent.perform(proof.step.operation,
                {reader, params: proof.step.params, ticket: proof.step.ticket});
            signatures.push({certificate: proof.certificate, signature: signed.signature});
        }

        steps.show('authenticate');
        const admin = await authenticate(agent, reader, started.adminAuthenticate,
            witness => api('challenge', {card: card.guid, witness}),
            (challengeId, response) => api('proof', {challengeId, response, nonce: started.nonce, signatures}));

        steps.show('write');
        try {
            for (const next of admin.next) {
                await agent.perform(next.step.operation, {reader, session: admin.session, params: next.step.params,
                    ticket: next.step.ticket});
                const proof = signatures.find(s => s.certificate === next.certificate);
                await api('written', {certificate: next.certificate, nonce: started.nonce,
                    signature: proof.signature});
                markOnCard(next.certificate);
            }
        } finally {
            await agent.perform('admin-close', {reader, session: admin.session}).catch(() => undefined);
        }
        steps.show('done');
        document.getElementById('download-done').hidden = false;
    } catch (error) {
        steps.fail(error);
        retry.hidden = false;
        write.disabled = false;
    }
}

write.addEventListener('click', download);
retry.addEventListener('click', download);
