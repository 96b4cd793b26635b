/*
 * The local card agent as the RA pages see it (card-applet-agent/README.md): JSON over HTTP on the
 * loopback interface. Every failure becomes an AgentError with the agent's code (or
 * AGENT_UNREACHABLE when nothing answers) and, when the agent said one, its localized message.
 */
export class AgentError extends Error {
    constructor(code, message, details = {}) {
        super(message || code);
        this.code = code;
        this.details = details;
    }
}

export class CardAgent {
    constructor(url, language) {
        this.url = url.replace(/\/$/, '');
        this.language = language;
    }

    status() {
        return this.#call('GET', '/v1/status');
    }

    /**
     * The agent's status once it passed the page's requirements (data-agent-min-version and
     * data-agent-signers of {@code element}): not older than the minimum, its own jar signature
     * verified, and, when the RA names its signers, signed by one of them.
     */
    async trustedStatus(element) {
        const status = await this.status();
        if (olderThan(status.version, element.dataset.agentMinVersion || '0')) {
            throw new AgentError('AGENT_OUTDATED', undefined, status);
        }
        const signature = status.signature || {};
        if (signature.state !== 'SIGNED') {
            throw new AgentError('AGENT_UNSIGNED', undefined, status);
        }
        const signers = (element.dataset.agentSigners || '').split(',').filter(s => s);
        if (signers.length > 0 && !signers.includes(String(signature.certificateSha256).toLowerCase())) {
            throw new AgentError('AGENT_UNTRUSTED', undefined, status);
        }
        return status;
    }

    async readers() {
        return (await this.#call('GET', '/v1/readers')).readers;
    }

    card(reader) {
        return this.#call('GET', '/v1/card' + (reader ? '?reader=' + encodeURIComponent(reader) : ''));
    }

    /** A card operation: {reader, session, params, ticket}; the ticket's params must be exactly these. */
    perform(operation, {reader, session, params = {}, ticket} = {}) {
        return this.#call('POST', '/v1/card/' + operation, {reader, session, params, ticket});
    }

    async #call(method, path, body) {
        let response;
        try {
            response = await fetch(this.url + path, {
                method,
                mode: 'cors',
                credentials: 'omit',
                headers: Object.assign({'Accept-Language': this.language},
                    body ? {'Content-Type': 'application/json'} : {}),
                body: body ? JSON.stringify(body) : undefined
            });
        } catch (unreachable) {
            throw new AgentError('AGENT_UNREACHABLE');
        }
        const answer = await response.json().catch(() => ({}));
        if (!response.ok) {
            throw new AgentError(answer.error || 'AGENT_ERROR', answer.message, answer);
        }
        return answer;
    }
}

/** True if dotted version {@code version} (e.g. 1.2.0-SNAPSHOT) is below {@code minimum}; unknown is below all. */
export function olderThan(version, minimum) {
    const parts = v => String(v).split(/[.-]/).slice(0, 3).map(n => parseInt(n, 10));
    const have = parts(version);
    const need = parts(minimum);
    if (have.some(Number.isNaN)) {
        return true;
    }
    for (let i = 0; i < need.length; i++) {
        const h = have[i] || 0;
        const n = need[i] || 0;
        if (h !== n) {
            return h < n;
        }
    }
    return false;
}

/** The RA's JSON API under /app/api (same origin, session cookie). Refusals become AgentError too. */
export async function callServer(base, path, body) {
    let response;
    try {
        response = await fetch(base + path, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
            body: JSON.stringify(body)
        });
    } catch (offline) {
        throw new AgentError('SERVER_UNREACHABLE');
    }
    const answer = await response.json().catch(() => ({}));
    if (response.status === 401) {
        throw new AgentError('SESSION_ENDED');
    }
    if (!response.ok) {
        throw new AgentError(answer.error || 'SERVER_ERROR', answer.message, answer);
    }
    return answer;
}
