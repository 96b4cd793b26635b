/*
 * The card step of resuming a held pair (app/hold.xhtml, 憑證復用): when the server's answer puts a
 * nonce and a ticket into #resume:card-step, the agent has the card sign the nonce with the 9C key
 * (the PIN is typed in the agent's own window), the signature goes into the hidden field and the
 * form is submitted with the website password. The agent derives what is signed from this page's
 * origin and the nonce, so the page cannot have the card sign anything else.
 */
import {AgentError, CardAgent} from './card-agent.js';

const form = document.getElementById('resume');
const failure = document.getElementById('card-error');

function message(key) {
    // a <template>'s children live in its content fragment, not in the document
    const node = document.getElementById('card-messages').content.querySelector('[data-key="' + key + '"]');
    return node ? node.textContent : key;
}

async function prove(step) {
    failure.textContent = '';
    const agent = new CardAgent(step.dataset.agentUrl, document.documentElement.lang || 'zh-TW');
    try {
        await agent.trustedStatus(step);
        const signed = await agent.perform('sign-challenge', {
            params: {slot: step.dataset.slot, nonce: step.dataset.nonce}, ticket: step.dataset.ticket});
        document.getElementById(step.dataset.signatureField).value = signed.signature;
        document.getElementById(step.dataset.submit).click();
    } catch (error) {
        const code = error instanceof AgentError ? error.code : 'UNEXPECTED';
        let text = message('error.' + code);
        if (code === 'PIN_INCORRECT' && error.details.triesLeft !== undefined) {
            text += ' ' + message('tries-left').replace('{0}', error.details.triesLeft);
        }
        failure.textContent = text;
        form.dataset.error = code;
    }
}

if (form) {
    // PrimeFaces replaces the card step when the server answers; each new ticket is used once.
    new MutationObserver(() => {
        const step = document.getElementById('resume:card-step');
        if (step && step.dataset.ticket && !step.dataset.started) {
            step.dataset.started = 'true';
            prove(step);
        }
    }).observe(form, {childList: true, subtree: true});
}
