/**
 * Demo data for the development runner: a capability of its own that may use every other
 * capability's boundary, and that nothing else uses, so the sample organization, subscribers
 * and staff, and the demo card personalized at start, never leak into the rules of the real capabilities.
 */
package tw.fine.ra.demo;
