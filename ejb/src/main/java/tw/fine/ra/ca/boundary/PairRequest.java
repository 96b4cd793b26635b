package tw.fine.ra.ca.boundary;

/**
 * What the RA asks the CA for: a signing and an encryption certificate for one subscriber.
 *
 * @param requestId       chosen by the RA and unique per application; asking again with it returns the same pair
 * @param subscriberId    the subscriber id ({@code UBN-00-NNNN}) that becomes the CN
 * @param organizationUbn the organization's unified business number
 * @param signingRequest  DER PKCS#10 for the signing key
 * @param encryptionRequest DER PKCS#10 for the encryption key
 */
public record PairRequest(String requestId, String subscriberId, String organizationUbn, byte[] signingRequest,
        byte[] encryptionRequest) {
}
