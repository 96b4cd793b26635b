package tw.fine.ra.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaSettingsTest {

    @Test
    void theShippedPolicyOidAndALocalPublicationUrlAreDevelopmentOnly() {
        assertEquals(List.of("FINE_CA_POLICY_OID", "FINE_CA_PUBLIC_URL"), CaSettings.defaults().developmentOnlyInUse());
        Map<String, String> production = Map.of("fine.ca.policy.oid", "2.16.886.1.100.3.1",
                "fine.ca.public.url", "http://pki.fine.example.tw/pki");
        assertEquals(List.of(), CaSettings.from(production::get).developmentOnlyInUse());
        Map<String, String> placeholderArc = Map.of("fine.ca.policy.oid", "1.3.6.1.4.1.99999.7",
                "fine.ca.public.url", "http://pki.fine.example.tw/pki");
        assertEquals(List.of("FINE_CA_POLICY_OID"), CaSettings.from(placeholderArc::get).developmentOnlyInUse());
    }

    @Test
    void onlyAPkcs12StoreWithoutAConfiguredSecretFallsBackOnTheGeneratedOne() {
        Map<String, String> none = Map.of();
        assertTrue(CaKeyStoreFactory.usesLocalSecret(none::get, none::get));
        Map<String, String> variable = Map.of("FINE_CA_KEYSTORE_SECRET", "s3cret");
        assertFalse(CaKeyStoreFactory.usesLocalSecret(none::get, variable::get));
        Map<String, String> credentialStore = Map.of("fine.ca.keystore.secret", "${ENC::store:alias}");
        assertFalse(CaKeyStoreFactory.usesLocalSecret(credentialStore::get, none::get));
        Map<String, String> hsm = Map.of("fine.ca.keystore.type", "pkcs11");
        assertFalse(CaKeyStoreFactory.usesLocalSecret(hsm::get, none::get));
    }
}
