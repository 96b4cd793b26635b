package tw.fine.ra.it.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.ca.boundary.CaMaintenance;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.IssuedPair;
import tw.fine.ra.ca.boundary.PairRequest;
import tw.fine.ra.ca.boundary.UnknownCertificateException;
import tw.fine.ra.ca.control.CaCredentials;
import tw.fine.ra.ca.control.SerialNumbers;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.CertificateUsage;
import tw.fine.ra.ca.entity.IssuanceRequest;
import tw.fine.ra.ca.entity.ModulusCounter;
import tw.fine.ra.ca.entity.IllegalStatusTransitionException;
import tw.fine.ra.ca.entity.IssuedCertificate;
import tw.fine.ra.ca.entity.RequestRejectedException;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.it.support.Deployments;

/** The CA façade in the server, on the real database. */
@ExtendWith(ArquillianExtension.class)
class CertificateAuthorityIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(CertificateAuthorityIT.class, CaFixtures.class, CaFixtures.Result.class);
    }

    @Inject
    CertificateAuthority ca;

    @PersistenceContext(unitName = "fine")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @Inject
    CaMaintenance maintenance;

    @Inject
    CaCredentials keys;

    @Test
    void pairGetsTheSubscriberSubjectTwoUsagesAndOneNotAfter() throws Exception {
        PairRequest request = CaFixtures.pairRequest();

        IssuedPair pair = ca.issuePair(request);

        X509Certificate signing = x509(pair.signing().der());
        X509Certificate encryption = x509(pair.encryption().der());
        String subject = "CN=" + request.subscriberId() + ",OU=TWCA FINE,OU=70759028-RA-FINE,OU=Information User CA,"
                + "OU=Information,C=TW";
        assertEquals(subject, signing.getSubjectX500Principal().getName());
        assertEquals(subject, encryption.getSubjectX500Principal().getName());
        assertEquals(signing.getNotAfter(), encryption.getNotAfter());
        assertTrue(signing.getKeyUsage()[0] && signing.getKeyUsage()[1], "digitalSignature, nonRepudiation");
        assertTrue(encryption.getKeyUsage()[2] && encryption.getKeyUsage()[3], "keyEncipherment, dataEncipherment");
        assertNotEquals(pair.signing().serial(), pair.encryption().serial());
        assertTrue(pair.signing().serial().bitLength() >= 120, "a 16-byte random serial");
        assertEquals(CertificateStatus.ISSUED_NOT_ON_CARD, pair.signing().status());
        assertEquals(pair.signing().certificateNumber(), ca.find(pair.signing().certificateNumber()).orElseThrow()
                .certificateNumber());
    }

    @Test
    void theStoredValidityIsTheCertificatesToTheSecondEndingAtTaipeiMidnight() throws Exception {
        IssuedPair pair = ca.issuePair(CaFixtures.pairRequest());

        for (CertificateView view : List.of(pair.signing(), pair.encryption())) {
            X509Certificate certificate = x509(view.der());
            CertificateView stored = ca.find(view.certificateNumber()).orElseThrow();
            assertEquals(certificate.getNotBefore().toInstant(), stored.notBefore());
            assertEquals(certificate.getNotAfter().toInstant(), stored.notAfter());
            assertEquals(LocalTime.of(23, 59, 59), stored.notAfter().atZone(ZoneId.of("Asia/Taipei")).toLocalTime());
        }
        assertEquals(pair.signing().notAfter(), pair.encryption().notAfter());
    }

    @Test
    void theSameRequestTwiceGivesTheSamePairAndSignsNothingNew() throws Exception {
        PairRequest request = CaFixtures.pairRequest();

        IssuedPair first = ca.issuePair(request);
        int certificates = ca.ofSubscriber(request.subscriberId()).size();
        IssuedPair again = ca.issuePair(request);

        assertEquals(first.signing().certificateNumber(), again.signing().certificateNumber());
        assertArrayEquals(first.encryption().der(), again.encryption().der());
        assertEquals(certificates, ca.ofSubscriber(request.subscriberId()).size());
    }

    @Test
    void aRequestIdCannotBeReusedForOtherRequests() throws Exception {
        PairRequest request = CaFixtures.pairRequest();
        ca.issuePair(request);
        PairRequest other = new PairRequest(request.requestId(), request.subscriberId(), "70759028",
                CaFixtures.csr(CaFixtures.ecKeys()), CaFixtures.csr(CaFixtures.rsaKeys()));

        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> ca.issuePair(other));
        assertEquals(RequestRejectedException.Reason.REQUEST_ID_REUSED, e.reason());
    }

    @Test
    void aKeyCertifiedForOneSubscriberIsRefusedForAnotherAndNothingIsKept() throws Exception {
        KeyPair shared = CaFixtures.rsaKeys(); // RSA-2048 fits both certificates
        PairRequest first = CaFixtures.pairRequest();
        ca.issuePair(new PairRequest(first.requestId(), first.subscriberId(), "70759028", CaFixtures.csr(shared),
                first.encryptionRequest()));
        PairRequest second = CaFixtures.pairRequest();
        int before = ca.ofSubscriber(second.subscriberId()).size();

        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> ca.issuePair(new PairRequest(
                second.requestId(), second.subscriberId(), "70759028", second.signingRequest(), CaFixtures.csr(shared))));

        assertEquals(RequestRejectedException.Reason.KEY_ALREADY_CERTIFIED, e.reason());
        assertEquals(before, ca.ofSubscriber(second.subscriberId()).size());
    }

    /** Issue 9 item 5: a GCD with every certified modulus factors both keys, so the second is refused. */
    @Test
    void aKeySharingAPrimeWithACertifiedOneIsRefusedAuditedAndNothingKept() throws Exception {
        List<KeyPair> sharing = CaFixtures.rsaKeysSharingAPrime();
        PairRequest first = CaFixtures.pairRequest();
        ca.issuePair(new PairRequest(first.requestId(), first.subscriberId(), "70759028", first.signingRequest(),
                CaFixtures.csr(sharing.get(0))));

        refusedForASharedPrimeAuditedAndNothingKept(sharing.get(1));
    }

    /**
     * Issue 10: the moduli the CA keeps in memory pick up one that another node certified, written
     * to the database behind this node's back at the next position.
     */
    @Test
    void aKeySharingAPrimeWithOneAnotherNodeCertifiedIsRefused() throws Exception {
        List<KeyPair> sharing = CaFixtures.rsaKeysSharingAPrime();
        ca.issuePair(CaFixtures.pairRequest()); // this node's moduli are loaded and current
        certifiedByAnotherNode((java.security.interfaces.RSAPublicKey) sharing.get(0).getPublic());

        refusedForASharedPrimeAuditedAndNothingKept(sharing.get(1));
    }

    /**
     * Issue 10: two requests at once whose keys share a prime are not both certified, whichever
     * checks first: the later one finds the other's modulus under the counter's lock.
     */
    @Test
    void twoRequestsAtOnceSharingAPrimeAreNotBothCertified() throws Exception {
        List<KeyPair> sharing = CaFixtures.rsaKeysSharingAPrime();
        List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
        for (KeyPair key : sharing) {
            PairRequest r = CaFixtures.pairRequest();
            PairRequest sharingOne = new PairRequest(r.requestId(), r.subscriberId(), "70759028", r.signingRequest(),
                    CaFixtures.csr(key));
            outcomes.add(executor.submit(() -> {
                try {
                    ca.issuePair(sharingOne);
                    return "ISSUED";
                } catch (RequestRejectedException e) {
                    return e.reason().name();
                }
            }));
        }

        List<String> results = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        assertEquals(List.of("ISSUED", "RSA_SHARED_PRIME"), results.stream().sorted().toList());
    }

    /** The CA checks the subject itself, whatever the RA sends (issue 9 item 5). */
    @Test
    void aSubscriberOfAnotherOrganizationOrAnInvalidNumberIsRefusedByTheCa() {
        PairRequest request = fromUnusedSubscriber();
        RequestRejectedException other = assertThrows(RequestRejectedException.class, () -> ca.issuePair(new PairRequest(
                request.requestId(), request.subscriberId(), "04595257", request.signingRequest(),
                request.encryptionRequest())));
        RequestRejectedException invalid = assertThrows(RequestRejectedException.class, () -> ca.issuePair(
                new PairRequest(request.requestId(), "70759029-00-0001", "70759029", request.signingRequest(),
                        request.encryptionRequest())));

        assertEquals(RequestRejectedException.Reason.SUBSCRIBER_NOT_OF_ORGANIZATION, other.reason());
        assertEquals(RequestRejectedException.Reason.INVALID_BUSINESS_NUMBER, invalid.reason());
        assertTrue(ca.ofSubscriber(request.subscriberId()).isEmpty());
        assertEquals(1L, rejections(request.subscriberId(), "SUBSCRIBER_NOT_OF_ORGANIZATION"));
    }

    @Test
    void anUnfitEncryptionKeyIsRefusedWithItsReasonAuditedAndNothingKept() throws Exception {
        PairRequest request = fromUnusedSubscriber();
        PairRequest p384Encryption = new PairRequest(request.requestId(), request.subscriberId(), "70759028",
                request.signingRequest(), CaFixtures.csr(CaFixtures.ecKeys("secp384r1")));

        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> ca.issuePair(p384Encryption));

        assertEquals(RequestRejectedException.Reason.KEY_UNFIT_FOR_USAGE, e.reason());
        assertTrue(ca.ofSubscriber(request.subscriberId()).isEmpty());
        assertEquals(1L, rejections(request.subscriberId(), "KEY_UNFIT_FOR_USAGE"));
        // the same request id is free for a request with fitting keys
        assertEquals(CertificateStatus.ISSUED_NOT_ON_CARD, ca.issuePair(request).encryption().status());
    }

    @Test
    void anEcEncryptionCertificateCarriesKeyAgreementOnlyAsOpensslReadsIt() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("fine-profile-it");
        PairRequest request = CaFixtures.pairRequest();
        IssuedPair pair = ca.issuePair(new PairRequest(request.requestId(), request.subscriberId(), "70759028",
                request.signingRequest(), CaFixtures.csr(CaFixtures.ecKeys())));
        CaFixtures.pem(dir.resolve("encryption.pem"), "CERTIFICATE", pair.encryption().der());

        String text = CaFixtures.openssl(dir, "x509", "-in", "encryption.pem", "-noout", "-text").output();

        assertTrue(text.contains("Public Key Algorithm: id-ecPublicKey") && text.contains("NIST CURVE: P-256"), text);
        assertTrue(text.contains("X509v3 Key Usage: critical\n                Key Agreement\n"), text);
        assertFalse(text.contains("Key Encipherment"), text);
        assertFalse(text.contains("Data Encipherment"), text);
    }

    @Test
    void theIssuedEncryptionCertificateIsRsa2048ForKeyAndDataEnciphermentAsOpensslReadsIt()
            throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("fine-profile-it");
        IssuedPair pair = ca.issuePair(CaFixtures.pairRequest());
        CaFixtures.pem(dir.resolve("encryption.pem"), "CERTIFICATE", pair.encryption().der());
        CaFixtures.pem(dir.resolve("signing.pem"), "CERTIFICATE", pair.signing().der());

        String encryption = CaFixtures.openssl(dir, "x509", "-in", "encryption.pem", "-noout", "-text").output();
        String signing = CaFixtures.openssl(dir, "x509", "-in", "signing.pem", "-noout", "-text").output();

        assertTrue(encryption.contains("Public Key Algorithm: rsaEncryption\n                Public-Key: (2048 bit)"),
                encryption);
        assertTrue(encryption.contains("X509v3 Key Usage: critical\n                Key Encipherment, Data Encipherment\n"),
                encryption);
        assertTrue(signing.contains("Public Key Algorithm: id-ecPublicKey") && signing.contains("NIST CURVE: P-256"),
                signing);
        assertTrue(signing.contains("X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation\n"),
                signing);
    }

    @Test
    void aRequestWithoutProofOfPossessionIsRefused() {
        PairRequest request = CaFixtures.pairRequest();
        byte[] forged = request.signingRequest().clone();
        forged[forged.length - 3] ^= 0x01;

        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> ca.issuePair(new PairRequest(
                request.requestId(), request.subscriberId(), "70759028", forged, request.encryptionRequest())));
        assertEquals(RequestRejectedException.Reason.NO_PROOF_OF_POSSESSION, e.reason());
    }

    @Test
    void lifecycleFollowsTheStatusRulesAndAnIllegalStepChangesNothing() throws Exception {
        CertificateView cert = ca.issuePair(CaFixtures.pairRequest()).signing();
        long number = cert.certificateNumber();

        assertThrows(IllegalStatusTransitionException.class, () -> ca.hold(number), "not on a card yet");
        assertEquals(CertificateStatus.ACTIVE, ca.markOnCard(number).status());
        assertEquals(CertificateStatus.ON_HOLD, ca.hold(number).status());
        assertEquals(RevocationReason.CERTIFICATE_HOLD, ca.find(number).orElseThrow().revocationReason());
        assertEquals(CertificateStatus.ACTIVE, ca.release(number).status());
        assertEquals(CertificateStatus.REVOKED, ca.revoke(number, RevocationReason.KEY_COMPROMISE, null).status());

        assertThrows(IllegalStatusTransitionException.class, () -> ca.release(number));
        CertificateView after = ca.find(number).orElseThrow();
        assertEquals(CertificateStatus.REVOKED, after.status());
        assertEquals(RevocationReason.KEY_COMPROMISE, after.revocationReason());
    }

    @Test
    void aKeyCompromiseFoundAfterExpiryIsRecordedButNoOtherRevocation() throws Exception {
        long number = ca.issuePair(CaFixtures.pairRequest()).signing().certificateNumber();
        ca.markOnCard(number);
        CaFixtures.pastNotAfter(em, tx, number);
        ca.expireDue();
        assertEquals(CertificateStatus.EXPIRED, ca.find(number).orElseThrow().status());

        assertThrows(IllegalStatusTransitionException.class,
                () -> ca.revoke(number, RevocationReason.AFFILIATION_CHANGED, null));
        Instant lost = Instant.now().minus(Duration.ofDays(400));
        CertificateView revoked = ca.revoke(number, RevocationReason.KEY_COMPROMISE, lost);

        assertEquals(CertificateStatus.REVOKED, revoked.status());
        assertEquals(RevocationReason.KEY_COMPROMISE, revoked.revocationReason());
        assertEquals(lost.truncatedTo(ChronoUnit.SECONDS), revoked.invalidityDate());
        assertTrue(revoked.revokedAt().isAfter(lost));
    }

    @Test
    void theOcspSignerIsOnRecordAsTheCasOwnAndItsIssuanceAuditedOnce() throws Exception {
        maintenance.run();
        maintenance.run();
        X509Certificate signer = keys.ocspSigner().certificate();
        String serial = signer.getSerialNumber().toString(16);

        IssuedCertificate record = em.createNamedQuery(IssuedCertificate.BY_SERIAL, IssuedCertificate.class)
                .setParameter("issuer", keys.issuerDn()).setParameter("serial", serial).getSingleResult();

        assertEquals(CertificateUsage.OCSP_SIGNING, record.usage());
        assertEquals(null, record.subscriberId());
        assertArrayEquals(signer.getEncoded(), record.der());
        assertEquals(signer.getNotAfter().toInstant(), record.notAfter());
        assertEquals(1L, em.createQuery("select count(r) from AuditRecord r where r.event = "
                + "tw.fine.ra.audit.entity.AuditEvent.OCSP_SIGNER_ISSUED and r.detail like :d", Long.class)
                .setParameter("d", "%serial " + serial + ",%").getSingleResult());
        // the façade the RA uses neither shows nor moves it
        assertTrue(ca.find(record.id()).isEmpty());
        assertThrows(UnknownCertificateException.class, () -> ca.hold(record.id()));
        assertTrue(em.createQuery("select c from IssuedCertificate c where c.usage = :u", IssuedCertificate.class)
                .setParameter("u", CertificateUsage.OCSP_SIGNING).getResultStream()
                .allMatch(c -> c.subscriberId() == null && c.requestId() == null));
    }

    @Test
    void issuanceIsAudited() throws Exception {
        PairRequest request = CaFixtures.pairRequest();
        ca.issuePair(request);

        Long records = em.createQuery("select count(r) from AuditRecord r where r.subject = :s and r.event = "
                + "tw.fine.ra.audit.entity.AuditEvent.CERTIFICATE_PAIR_ISSUED and r.detail like :d", Long.class)
                .setParameter("s", request.subscriberId()).setParameter("d", "request " + request.requestId() + ":%")
                .getSingleResult();
        assertEquals(1L, records);
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * What another node's issuance leaves in the database: the request, and the certificate with
     * its modulus numbered under the counter's lock.
     */
    private void certifiedByAnotherNode(java.security.interfaces.RSAPublicKey key) throws Exception {
        String requestId = java.util.UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tx.begin();
        em.persist(new IssuanceRequest(requestId, "70759028-00-9999", new byte[] {1}, new byte[] {2}, now));
        ModulusCounter counter = em.find(ModulusCounter.class, ModulusCounter.ID, LockModeType.PESSIMISTIC_WRITE);
        em.persist(new IssuedCertificate(requestId, "70759028-00-9999", CertificateUsage.ENCRYPTION, keys.issuerDn(),
                new SerialNumbers().next(), "CN=another node", now, now.plus(Duration.ofDays(1)),
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(key.getEncoded())), new byte[] {3}, now).withRsaModulus(key.getModulus(), counter.next()));
        tx.commit();
    }

    private void refusedForASharedPrimeAuditedAndNothingKept(KeyPair encryptionKey) {
        PairRequest r = fromUnusedSubscriber();

        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> ca.issuePair(new PairRequest(
                r.requestId(), r.subscriberId(), "70759028", r.signingRequest(), CaFixtures.csr(encryptionKey))));

        assertEquals(RequestRejectedException.Reason.RSA_SHARED_PRIME, e.reason());
        assertTrue(ca.ofSubscriber(r.subscriberId()).isEmpty());
        assertEquals(1L, rejections(r.subscriberId(), "RSA_SHARED_PRIME"));
    }

    /**
     * A request from a subscriber with no certificate and no audited refusal yet, for the tests that
     * check nothing was kept. The fixtures number subscribers from a random start in each deployment,
     * and the test classes of a run share one database, so a number can come round again.
     */
    private PairRequest fromUnusedSubscriber() {
        PairRequest request = CaFixtures.pairRequest();
        while (!ca.ofSubscriber(request.subscriberId()).isEmpty() || rejections(request.subscriberId(), "") > 0) {
            request = CaFixtures.pairRequest();
        }
        return request;
    }

    /** Audited refusals of this subscriber's requests that name the reason. */
    private long rejections(String subscriberId, String reason) {
        return em.createQuery("select count(r) from AuditRecord r where r.subject = :s and r.event = "
                + "tw.fine.ra.audit.entity.AuditEvent.CERTIFICATE_REQUEST_REJECTED and r.detail like :d", Long.class)
                .setParameter("s", subscriberId).setParameter("d", "%" + reason + "%").getSingleResult();
    }
}
