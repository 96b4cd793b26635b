package tw.fine.ra.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tw.fine.ra.account.entity.Role;

class AreaTest {

    @Test
    void adminPathsBelongToTheBackOfficeAndEverythingElseToTheSubscribers() {
        assertEquals(Area.BACK_OFFICE, Area.of("/admin/audit.xhtml"));
        assertEquals(Area.SUBSCRIBER, Area.of("/app/index.xhtml"));
        assertEquals(Area.SUBSCRIBER, Area.of("/login.xhtml"));
        assertEquals(Area.SUBSCRIBER, Area.of("/administration.xhtml"), "a prefix of the folder name is not the folder");
        assertEquals(Area.SUBSCRIBER, Area.of((String) null));
    }

    @Test
    void eachAreaNamesItsPagesAndAccounts() {
        assertEquals("/admin/login.xhtml", Area.BACK_OFFICE.signInPage());
        assertEquals("/admin/index.xhtml", Area.BACK_OFFICE.homePage());
        assertEquals("/app/password.xhtml", Area.SUBSCRIBER.passwordPage());
        assertEquals(Role.Area.BACK_OFFICE, Area.BACK_OFFICE.accounts());
        for (Area area : Area.values()) {
            assertEquals(area, Area.of(area.homePage()));
            assertEquals(area, Area.of(area.accounts()));
        }
    }
}
