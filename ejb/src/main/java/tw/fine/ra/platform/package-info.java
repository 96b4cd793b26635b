/**
 * What every capability stands on: the schema migration that runs before anything touches a
 * table, the settings that WildFly's CLI scripts put into system properties, the clock, the
 * {@link tw.fine.ra.platform.Refused} a business rule answers with, and the bundled font that
 * both the CAPTCHA (account) and the PDF mailers (registration) draw with. It uses nothing of
 * ours, so every package may use it.
 */
package tw.fine.ra.platform;
