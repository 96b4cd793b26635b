// The RA counter's personalization of a blank card (admin/personalize.xhtml): drives the card-station
// agent (started with --allow-personalization --origin <this page's origin>) and relays between it and
// the server's steps (remote commands of PersonalizePage). Only ciphertext, tickets and public keys
// pass through here: the PIN, PUK and management key are sealed to the card by the server (ADR 0004).

const form = document.getElementById('station');
const start = document.getElementById('station:start');
const progress = document.getElementById('progress');

/** A remote command of the page; resolves with its callback parameters, rejects with the server's message. */
async function server(name, params = {}) {
    const list = Object.entries(params).map(([key, value]) => ({name: key, value}));
    const result = await window[name](list);
    const args = (result && result.jqXHR && result.jqXHR.pfArgs) || {};
    if (args.error) {
        throw new Error(args.error);
    }
    return args;
}

/** One agent call: JSON in and out; an agent error carries its localized message. */
async function agent(path, body) {
    const base = document.getElementById('station:agent').value.replace(/\/+$/, '');
    let response;
    try {
        response = await fetch(base + path, body === undefined ? {} : {
            method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    } catch (e) {
        throw new Error(progress.dataset.noAgent);
    }
    const json = await response.json();
    if (!response.ok || json.error) {
        throw new Error(json.message || json.error);
    }
    return json;
}

async function personalize() {
    const origin = window.location.origin;
    const card = await agent('/v1/card');
    if (!card.present) {
        throw new Error(progress.dataset.noCard);
    }
    if (card.personalized || !card.transportKey) {
        throw new Error(progress.dataset.notBlank);
    }
    const sealed = await server('fineBegin', {transportKey: card.transportKey, origin});
    const done = await agent('/v1/card/personalize', {params: JSON.parse(sealed.params), ticket: sealed.ticket});
    const certified = await server('fineFinish', {card: done.card, attestationKey: done.attestationKey,
        appletVersion: card.appletVersion, origin});
    const session = await agent('/v1/card/admin-authenticate',
        {params: JSON.parse(certified.params), ticket: certified.ticket});
    try {
        const challenge = await server('fineAuthenticate', {witness: session.witness});
        const answer = await agent('/v1/card/admin-answer', {session: session.session,
            params: {witness: challenge.witness, challenge: challenge.challenge}});
        const write = await server('fineAuthenticated', {challengeId: challenge.challengeId,
            response: answer.response, origin});
        await agent('/v1/card/write-certificate', {session: session.session, params: JSON.parse(write.params),
            ticket: write.ticket});
    } finally {
        await agent('/v1/card/admin-close', {session: session.session}).catch(() => undefined);
    }
    await server('fineHandOver');
}

if (start && form) {
    start.addEventListener('click', async () => {
        start.disabled = true;
        progress.classList.remove('error');
        progress.textContent = progress.dataset.working;
        try {
            await personalize();
            progress.textContent = progress.dataset.done;
        } catch (e) {
            progress.classList.add('error');
            progress.textContent = e.message;
            start.disabled = false;
        }
    });
}
