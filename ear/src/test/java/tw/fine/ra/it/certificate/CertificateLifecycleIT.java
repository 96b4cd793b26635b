package tw.fine.ra.it.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import tw.fine.ra.card.boundary.CardTickets;
import tw.fine.ra.card.protocol.ticket.Expectation;
import tw.fine.ra.card.protocol.ticket.Operation;
import tw.fine.ra.card.protocol.ticket.Parameters;
import tw.fine.ra.card.protocol.ticket.ReplayGuard;
import tw.fine.ra.card.protocol.ticket.Refusal;
import tw.fine.ra.card.protocol.ticket.TicketKeys;
import tw.fine.ra.card.protocol.ticket.TicketRefusedException;
import tw.fine.ra.card.protocol.ticket.TicketVerifier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.boundary.IssuedPair;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.ca.entity.RevocationReason;
import tw.fine.ra.certificate.boundary.CertificateHolds;
import tw.fine.ra.certificate.boundary.Certificates;
import tw.fine.ra.certificate.boundary.ResumeChallenges;
import tw.fine.ra.certificate.control.CardProofCheck;
import tw.fine.ra.certificate.entity.CertificateFile;
import tw.fine.ra.certificate.entity.CertificateFormat;
import tw.fine.ra.certificate.entity.NotYourCertificateException;
import tw.fine.ra.certificate.entity.PairState;
import tw.fine.ra.it.ca.CaFixtures;
import tw.fine.ra.it.support.Deployments;
import tw.fine.ra.it.support.TestData;
import tw.fine.ra.platform.Refused;

/**
 * The subscriber's certificates after issuance, in the server on the real database: his own table
 * and files, suspend with the password, resume with the password and the card's proof. A software
 * key stands in for the card: what matters is the signature format, which is the agent's.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateLifecycleIT {

    private static final String ME = AsSubscriber.ID;
    private static final String CONTACT = "contact-" + AsSubscriber.UBN + "@example.com";
    private static final String CLIENT = "192.0.2.20";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith(CertificateLifecycleIT.class, AsSubscriber.class, AsOtherSubscriber.class,
                Subscribers.class, CaFixtures.class, CaFixtures.Result.class);
    }

    @Inject
    AsSubscriber me;

    @Inject
    AsOtherSubscriber other;

    @Inject
    Subscribers subscribers;

    @Inject
    CardTickets tickets;

    @Inject
    TestData data;

    @Inject
    Certificates certificates;

    @Inject
    CertificateHolds holds;

    @Inject
    CertificateAuthority ca;

    private KeyPair card;
    private IssuedPair pair;

    @BeforeEach
    void aValidPairOnTheCard() throws Exception {
        subscribers.ready(AsSubscriber.UBN, ME);
        subscribers.ready(AsOtherSubscriber.UBN, AsOtherSubscriber.ID);
        card = CaFixtures.ecKeys();
        pair = subscribers.pair(AsSubscriber.UBN, ME, card, CaFixtures.rsaKeys(), true);
    }

    @Test
    void theTableAndTheOverviewShowOnlyTheCallersOwnCertificates() throws Exception {
        IssuedPair others = subscribers.pair(AsOtherSubscriber.UBN, AsOtherSubscriber.ID, CaFixtures.ecKeys(),
                CaFixtures.rsaKeys(), true);

        List<CertificateView> mine = me.call(certificates::mine);
        Certificates.Overview overview = me.call(certificates::overview);

        assertTrue(mine.stream().allMatch(c -> c.subscriberId().equals(ME)), mine.toString());
        assertTrue(mine.stream().anyMatch(c -> c.certificateNumber() == pair.signing().certificateNumber()));
        assertTrue(mine.stream().noneMatch(c -> c.certificateNumber() == others.signing().certificateNumber()));
        assertEquals(PairState.VALID, overview.state());
    }

    @Test
    void anotherSubscribersCertificateNumberIsUnknownAndTheAttemptAudited() throws Exception {
        long others = subscribers.pair(AsOtherSubscriber.UBN, AsOtherSubscriber.ID, CaFixtures.ecKeys(),
                CaFixtures.rsaKeys(), false).signing().certificateNumber();
        long before = data.auditCount(AuditEvent.CERTIFICATE_ACCESS_REFUSED, ME, "certificate #" + others + " ");

        assertThrows(NotYourCertificateException.class,
                () -> me.call(() -> certificates.save(others, CertificateFormat.DER, CLIENT)));
        assertThrows(NotYourCertificateException.class,
                () -> me.call(() -> certificates.save(Long.MAX_VALUE, CertificateFormat.DER, CLIENT)));

        assertEquals(before + 1, data.auditCount(AuditEvent.CERTIFICATE_ACCESS_REFUSED, ME,
                "certificate #" + others + " "));
    }

    @Test
    void theSavedCerIsTheDerAndChainsToTheIssuingCaWithOpenssl() throws Exception {
        CertificateView encryption = pair.encryption();
        CertificateFile cer = me.call(() -> certificates.save(encryption.certificateNumber(), CertificateFormat.DER,
                CLIENT));
        CertificateFile pem = me.call(() -> certificates.save(encryption.certificateNumber(), CertificateFormat.PEM,
                CLIENT));
        CertificateFile chain = me.call(certificates::caChain);

        assertArrayEquals(encryption.der(), cer.content());
        assertEquals("application/pkix-cert", cer.contentType());
        assertEquals(ME + "-encryption-" + encryption.serial().toString(16) + ".cer", cer.fileName());
        Path dir = Files.createTempDirectory("fine-save-it");
        Files.write(dir.resolve("saved.cer"), cer.content());
        Files.write(dir.resolve("saved.pem"), pem.content());
        Files.write(dir.resolve("chain.pem"), chain.content());
        CaFixtures.Result converted = CaFixtures.openssl(dir, "x509", "-inform", "DER", "-in", "saved.cer", "-out",
                "from-der.pem");
        assertEquals(0, converted.exitCode(), converted.output());
        assertEquals(Files.readString(dir.resolve("saved.pem")), Files.readString(dir.resolve("from-der.pem")));
        CaFixtures.Result verify = CaFixtures.openssl(dir, "verify", "-CAfile", "chain.pem", "from-der.pem");
        assertTrue(verify.output().contains("from-der.pem: OK"), verify.output());
    }

    @Test
    void suspendHoldsBothCertificatesInOneStepMailsTheContactAndIsAudited() throws Exception {
        int mailBefore = subscribers.mail(CONTACT).size();

        List<CertificateView> held = me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));

        assertEquals(2, held.size());
        for (CertificateView c : List.of(pair.signing(), pair.encryption())) {
            CertificateView now = subscribers.certificate(c.certificateNumber());
            assertEquals(CertificateStatus.ON_HOLD, now.status());
            assertEquals(RevocationReason.CERTIFICATE_HOLD, now.revocationReason());
        }
        assertEquals(PairState.ON_HOLD, me.call(certificates::overview).state());
        List<String[]> mail = subscribers.mail(CONTACT);
        assertEquals(mailBefore + 1, mail.size());
        assertTrue(mail.get(0)[0].contains("憑證停用") && mail.get(0)[0].contains("suspended")
                && mail.get(0)[0].contains(ME), mail.get(0)[0]);
        assertTrue(mail.get(0)[1].contains("#" + pair.signing().certificateNumber())
                && mail.get(0)[1].contains("#" + pair.encryption().certificateNumber()), mail.get(0)[1]);
        assertEquals(1, data.auditCount(AuditEvent.CERTIFICATE_SUSPENSION, ME,
                "certificates [#" + pair.signing().certificateNumber() + ", #" + pair.encryption().certificateNumber()));
    }

    @Test
    void wrongPasswordsHoldNothingAndCountTowardTheSignInLockout() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Refused refused = assertThrows(Refused.class,
                    () -> me.call(() -> holds.suspend("Wrong2026pw".toCharArray(), CLIENT)));
            assertEquals("password", refused.field());
            assertEquals("holds.password-wrong", refused.messageKey());
            assertEquals(i, subscribers.failedAttempts(ME));
        }
        assertTrue(subscribers.locked(ME), "three wrong passwords lock the sign-in, as at sign-in");
        assertThrows(Refused.class, () -> me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT)),
                "a locked account's right password confirms nothing");
        assertEquals(CertificateStatus.ACTIVE, subscribers.certificate(pair.signing().certificateNumber()).status());
        assertEquals(CertificateStatus.ACTIVE, subscribers.certificate(pair.encryption().certificateNumber()).status());
    }

    @Test
    void aRightPasswordStartsTheCountOver() throws Exception {
        assertThrows(Refused.class, () -> me.call(() -> holds.suspend("Wrong2026pw".toCharArray(), CLIENT)));
        assertEquals(1, subscribers.failedAttempts(ME));
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        assertEquals(0, subscribers.failedAttempts(ME));
    }

    @Test
    void withoutAValidPairThereIsNothingToSuspend() throws Exception {
        subscribers.ready(AsSubscriber.UBN, ME);
        subscribers.pair(AsSubscriber.UBN, ME, CaFixtures.ecKeys(), CaFixtures.rsaKeys(), false);

        Refused refused = assertThrows(Refused.class,
                () -> me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT)));
        assertEquals("holds.no-valid-pair", refused.messageKey());
    }

    @Test
    void resumeWithThePasswordAndTheCardsProofReleasesBothMailsAndAudits() throws Exception {
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        ResumeChallenges.Challenge challenge = me.call(() -> holds.resumeChallenge(CLIENT)).challenge();
        assertTrue(challenge.origin().startsWith("https://localhost:"), challenge.origin());

        List<CertificateView> released = me.call(() -> holds.resume(TestData.PASSWORD.toCharArray(),
                challenge.nonce(), cardSigns(card, challenge), CLIENT));

        assertEquals(2, released.size());
        assertEquals(CertificateStatus.ACTIVE, subscribers.certificate(pair.signing().certificateNumber()).status());
        assertEquals(CertificateStatus.ACTIVE, subscribers.certificate(pair.encryption().certificateNumber()).status());
        assertEquals(null, subscribers.certificate(pair.signing().certificateNumber()).revocationReason());
        String[] mail = subscribers.mail(CONTACT).get(0);
        assertTrue(mail[0].contains("憑證復用") && mail[0].contains("resumed"), mail[0]);
        assertEquals(1, data.auditCount(AuditEvent.CERTIFICATE_RESUMPTION, ME,
                "certificates [#" + pair.signing().certificateNumber() + ", #" + pair.encryption().certificateNumber()));
    }

    @Test
    void aProofByAnotherKeyReleasesNothing() throws Exception {
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        ResumeChallenges.Challenge challenge = me.call(() -> holds.resumeChallenge(CLIENT)).challenge();

        Refused refused = assertThrows(Refused.class, () -> me.call(() -> holds.resume(
                TestData.PASSWORD.toCharArray(), challenge.nonce(), cardSigns(CaFixtures.ecKeys(), challenge), CLIENT)));

        assertEquals("holds.proof-invalid", refused.messageKey());
        assertEquals(CertificateStatus.ON_HOLD, subscribers.certificate(pair.signing().certificateNumber()).status());
        assertEquals(CertificateStatus.ON_HOLD, subscribers.certificate(pair.encryption().certificateNumber()).status());
    }

    @Test
    void aNonceIsSpentByTheFirstAttemptEvenAFailedOne() throws Exception {
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        ResumeChallenges.Challenge challenge = me.call(() -> holds.resumeChallenge(CLIENT)).challenge();
        byte[] proof = cardSigns(card, challenge);

        assertThrows(Refused.class, () -> me.call(() -> holds.resume(TestData.PASSWORD.toCharArray(),
                challenge.nonce(), new byte[] {0x30, 0x00}, CLIENT)));
        Refused replay = assertThrows(Refused.class, () -> me.call(() -> holds.resume(
                TestData.PASSWORD.toCharArray(), challenge.nonce(), proof, CLIENT)));

        assertEquals("holds.challenge-invalid", replay.messageKey());
        assertEquals(CertificateStatus.ON_HOLD, subscribers.certificate(pair.signing().certificateNumber()).status());
    }

    @Test
    void anExpiredNonceIsRefused() throws Exception {
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        ResumeChallenges.Challenge challenge = me.call(() -> holds.resumeChallenge(CLIENT)).challenge();
        subscribers.expire(challenge.nonce());

        Refused refused = assertThrows(Refused.class, () -> me.call(() -> holds.resume(
                TestData.PASSWORD.toCharArray(), challenge.nonce(), cardSigns(card, challenge), CLIENT)));
        assertEquals("holds.challenge-invalid", refused.messageKey());
    }

    @Test
    void anotherSubscribersNonceIsRefused() throws Exception {
        KeyPair othersCard = CaFixtures.ecKeys();
        subscribers.pair(AsOtherSubscriber.UBN, AsOtherSubscriber.ID, othersCard, CaFixtures.rsaKeys(), true);
        other.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        ResumeChallenges.Challenge othersChallenge = other.call(() -> holds.resumeChallenge(CLIENT)).challenge();
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));

        Refused refused = assertThrows(Refused.class, () -> me.call(() -> holds.resume(
                TestData.PASSWORD.toCharArray(), othersChallenge.nonce(), cardSigns(card, othersChallenge), CLIENT)));
        assertEquals("holds.challenge-invalid", refused.messageKey());
    }

    @Test
    void resumeNeedsThePasswordTooAndAWrongOneCounts() throws Exception {
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        ResumeChallenges.Challenge challenge = me.call(() -> holds.resumeChallenge(CLIENT)).challenge();

        Refused refused = assertThrows(Refused.class, () -> me.call(() -> holds.resume(
                "Wrong2026pw".toCharArray(), challenge.nonce(), cardSigns(card, challenge), CLIENT)));

        assertEquals("password", refused.field());
        assertEquals(1, subscribers.failedAttempts(ME));
        assertEquals(CertificateStatus.ON_HOLD, subscribers.certificate(pair.signing().certificateNumber()).status());
    }

    @Test
    void theResumeStepCarriesTheAgentsTicketToSignThatNonceWithTheCardsSigningKey() throws Exception {
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        CertificateHolds.ResumeStep step = me.call(() -> holds.resumeChallenge(CLIENT));

        Map<String, String> params = Map.of("slot", "9C", "nonce", step.challenge().nonce());
        assertEquals("sign-challenge", step.proof().operation());
        assertEquals(params, step.proof().params());
        String card = subscribers.card(ME);
        TicketRefusedException otherNonce = assertThrows(TicketRefusedException.class, () -> agent().verify(
                step.proof().ticket(), new Expectation(Operation.SIGN_CHALLENGE, step.challenge().origin(), card,
                        Parameters.hash(Map.of("slot", "9C", "nonce", "another")))));
        assertEquals(Refusal.TICKET_WRONG_PARAMETERS, otherNonce.refusal());
        assertNotNull(agent().verify(step.proof().ticket(), new Expectation(Operation.SIGN_CHALLENGE,
                step.challenge().origin(), card, Parameters.hash(params))));
    }

    /** The check of an agent started before the ticket was issued, with the key it pins from {@code /pki/ticket-key.pem}. */
    private TicketVerifier agent() throws Exception {
        return new TicketVerifier(TicketKeys.fromPem(tickets.publicKeyPem()), Clock.systemUTC(), new ReplayGuard(Instant.EPOCH));
    }

    @Test
    void withoutARegisteredCardThereIsNoResumeStep() throws Exception {
        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        subscribers.retireCard(ME);

        Refused refused = assertThrows(Refused.class, () -> me.call(() -> holds.resumeChallenge(CLIENT)));
        assertEquals("holds.no-card", refused.messageKey());
    }

    @Test
    void nothingHeldNoChallenge() {
        Refused refused = assertThrows(Refused.class, () -> me.call(() -> holds.resumeChallenge(CLIENT)));
        assertEquals("holds.nothing-held", refused.messageKey());
    }

    @Test
    void relyingPartiesSeeTheHoldAndTheReleaseInOcspAtOnceAndOnTheDeltaCrlWithinSeconds() throws Exception {
        Path dir = Files.createTempDirectory("fine-hold-ocsp-it");
        CaFixtures.pem(dir.resolve("ee.pem"), "CERTIFICATE", pair.signing().der());
        List<byte[]> chain = ca.caChain();
        CaFixtures.pem(dir.resolve("issuer.pem"), "CERTIFICATE", chain.get(0));
        CaFixtures.pem(dir.resolve("chain.pem"), "CERTIFICATE", chain.get(0), chain.get(1));

        me.call(() -> holds.suspend(TestData.PASSWORD.toCharArray(), CLIENT));
        String held = ocsp(dir);
        assertTrue(held.contains("ee.pem: revoked") && held.contains("Reason: certificateHold"), held);
        X509CRL heldCrl = crl(CaFixtures.deltaCrlUntil(c -> c.getRevokedCertificate(pair.encryption().serial()) != null));
        for (CertificateView c : List.of(pair.signing(), pair.encryption())) {
            assertEquals(CRLReason.CERTIFICATE_HOLD, heldCrl.getRevokedCertificate(c.serial()).getRevocationReason());
        }

        ResumeChallenges.Challenge challenge = me.call(() -> holds.resumeChallenge(CLIENT)).challenge();
        me.call(() -> holds.resume(TestData.PASSWORD.toCharArray(), challenge.nonce(), cardSigns(card, challenge),
                CLIENT));
        String released = ocsp(dir);
        assertTrue(released.contains("ee.pem: good"), released);
        X509CRL releasedCrl = crl(CaFixtures.deltaCrlUntil(c -> CaFixtures.notRevokedOnDelta(c, pair.signing().serial())));
        assertTrue(CaFixtures.notRevokedOnDelta(releasedCrl, pair.signing().serial()));
        assertTrue(CaFixtures.notRevokedOnDelta(releasedCrl, pair.encryption().serial()));
    }

    /** What the agent's sign-challenge returns: the card's signature over the derived proof message. */
    static byte[] cardSigns(KeyPair card, ResumeChallenges.Challenge challenge) throws Exception {
        return cardSigns(card, challenge.origin(), challenge.nonce());
    }

    static byte[] cardSigns(KeyPair card, String origin, String nonce) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(card.getPrivate());
        signer.update(CardProofCheck.message(origin, nonce));
        return signer.sign();
    }

    private static X509CRL crl(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    private static String ocsp(Path dir) {
        CaFixtures.Result result = CaFixtures.openssl(dir, "ocsp", "-issuer", "issuer.pem", "-cert", "ee.pem",
                "-CAfile", "chain.pem", "-url", CaFixtures.httpBase() + "/pki/ocsp", "-resp_text");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Response verify OK"), result.output());
        return result.output();
    }
}
