/**
 * Organizations and their subscribers as registered by RA clerks from the paper form, the
 * subscriber IDs ({@code UBN-00-NNNN}, sequential per organization) and the sealed password
 * mailers that carry each subscriber's initial website password.
 */
package tw.fine.ra.registration;
