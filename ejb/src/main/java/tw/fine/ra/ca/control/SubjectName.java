package tw.fine.ra.ca.control;

/**
 * The subject of a subscriber certificate, built from the registration record and never from the
 * request: {@code CN=<subscriber id>, OU=<RA product>, OU=<UBN>-RA-FINE, OU=<issuing CA>, OU=Information, C=TW}.
 */
public record SubjectName(String subscriberId, String organizationUbn) {

    public SubjectName {
        if (!subscriberId.matches("\\d{8}-\\d{2}-\\d{4}")) {
            throw new IllegalArgumentException("not a subscriber id: " + subscriberId);
        }
        if (!organizationUbn.matches("\\d{8}")) {
            throw new IllegalArgumentException("not a unified business number: " + organizationUbn);
        }
    }

    public String toDn(CaSettings settings) {
        return "CN=" + subscriberId + ", OU=" + settings.raProduct() + ", OU=" + organizationUbn + "-RA-FINE, OU="
                + settings.issuingName() + ", OU=Information, C=TW";
    }
}
