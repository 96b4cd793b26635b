package tw.fine.ra.ca.control;

import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.INVALID_BUSINESS_NUMBER;
import static tw.fine.ra.ca.entity.RequestRejectedException.Reason.SUBSCRIBER_NOT_OF_ORGANIZATION;

import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.registration.entity.BusinessNumber;
import tw.fine.ra.registration.entity.InvalidBusinessNumberException;

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

    /**
     * The subject the CA certifies, checked by the CA itself with registration's own rules (whoever
     * calls it): the organization's number passes the Ministry of Finance check, and the subscriber
     * id is one that organization gives, {@code <UBN>-00-NNNN}.
     */
    public static SubjectName registered(String subscriberId, String organizationUbn) throws RequestRejectedException {
        BusinessNumber ubn;
        try {
            ubn = BusinessNumber.of(organizationUbn);
        } catch (InvalidBusinessNumberException e) {
            throw new RequestRejectedException(INVALID_BUSINESS_NUMBER, organizationUbn + ": " + e.reason());
        }
        if (!ubn.gives(subscriberId)) {
            throw new RequestRejectedException(SUBSCRIBER_NOT_OF_ORGANIZATION, subscriberId + " is not of " + ubn);
        }
        return new SubjectName(subscriberId, ubn.value());
    }

    public String toDn(CaSettings settings) {
        return "CN=" + subscriberId + ", OU=" + settings.raProduct() + ", OU=" + organizationUbn + "-RA-FINE, OU="
                + settings.issuingName() + ", OU=Information, C=TW";
    }
}
