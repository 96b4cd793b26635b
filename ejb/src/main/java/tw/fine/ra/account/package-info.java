/**
 * Website accounts of subscribers and staff: sign-in with CAPTCHA, Argon2id password hashes, the
 * lock after consecutive wrong passwords (held by a row lock, so parallel attempts cannot
 * outrun it), forced and voluntary password changes, and the password policy.
 */
package tw.fine.ra.account;
