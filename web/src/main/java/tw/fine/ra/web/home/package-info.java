/** The home pages as dashboards: what state the visitor's things are in and the next step. */
package tw.fine.ra.web.home;
