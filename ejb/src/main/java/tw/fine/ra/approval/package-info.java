/**
 * Four-eyes requests entered by one RA clerk from a paper form and decided by another person
 * with the officer role; the person who entered a request can never decide it.
 */
package tw.fine.ra.approval;
