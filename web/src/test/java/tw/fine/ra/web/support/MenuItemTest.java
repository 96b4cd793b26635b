package tw.fine.ra.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import tw.fine.ra.web.security.Area;

class MenuItemTest {

    @Test
    void everyItemLeadsToAnExistingPageOfItsAreaWithALabel() {
        ResourceBundle zh = ResourceBundle.getBundle("tw.fine.ra.web.messages", java.util.Locale.TAIWAN);
        ResourceBundle en = ResourceBundle.getBundle("tw.fine.ra.web.messages", java.util.Locale.ENGLISH);
        for (MenuItem item : MenuItem.values()) {
            assertTrue(Files.isRegularFile(Path.of("src/main/webapp" + item.getPath())), item + " is no dead link");
            assertEquals(item.area(), Area.of(item.getPath()), item.toString());
            assertTrue(zh.containsKey(item.getLabelKey()) && en.containsKey(item.getLabelKey()), item.toString());
            assertFalse(item.roles().isEmpty(), item.toString());
        }
    }

    @Test
    void theSubscriberMenuFollowsTheSeedsOrder() {
        List<String> subscriber = Arrays.stream(MenuItem.values()).filter(i -> i.area() == Area.SUBSCRIBER)
                .map(MenuItem::getPath).toList();
        assertEquals(List.of("/app/index.xhtml", "/app/apply.xhtml", "/app/download.xhtml",
                "/app/certificates.xhtml", "/app/hold.xhtml",
                "/app/password.xhtml"), subscriber);
    }
}
