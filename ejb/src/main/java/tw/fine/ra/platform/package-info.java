/**
 * What every capability stands on: the schema migration that runs before anything touches a
 * table, the settings that WildFly's CLI scripts put into system properties, and the clock.
 */
package tw.fine.ra.platform;
