/**
 * The loopback HTTP transport: JSON on 127.0.0.1, CORS for the configured RA origins only, a
 * Host check against DNS rebinding. It only translates; every decision is in the core.
 */
package tw.fine.ra.card.agent.http;
