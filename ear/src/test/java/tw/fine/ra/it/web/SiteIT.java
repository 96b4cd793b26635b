package tw.fine.ra.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.Http;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SiteIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    private final Http http = new Http();

    @Test
    void plainHttpRedirectsToHttps() {
        var response = http.get(Http.http("/index.xhtml"));
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").startsWith("https://"),
                () -> "Location: " + response.headers().firstValue("Location"));
    }

    @Test
    void homePageAnswersOverHttpsInTraditionalChinese() {
        var response = http.get(Http.https("/index.xhtml"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("憑證作業網站"), response.body());
    }
}
