package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tw.fine.ra.it.card.RaCounter.CLIENT;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.PairRequest;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.entity.CardRefusedException;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.certificate.boundary.Applications;
import tw.fine.ra.certificate.boundary.Applications.AgentStep;
import tw.fine.ra.certificate.boundary.Applications.CardRequest;
import tw.fine.ra.certificate.entity.ApplicationRefusedException;
import tw.fine.ra.certificate.entity.ApplicationRefusedException.Reason;
import tw.fine.ra.it.ca.CaFixtures;

/**
 * The certificate application's server steps (SPEC function 2) against the real applet in jCardSim:
 * the test plays page and agent. Each step gets the tickets its step needs and no other; steps out of
 * order, other subscribers' cards and applications, and a second application while a pair exists are
 * refused.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationIT {

    private static final ManagementKeyAlgorithm AES = ManagementKeyAlgorithm.AES_128;

    @Deployment
    static EnterpriseArchive deployment() {
        return CardFixtures.deployment(ApplicationIT.class, OnCard.class, CaFixtures.class);
    }

    @Inject
    Applications applications;

    @Inject
    CertificateAuthority ca;

    @Inject
    AsCardHolder holder;

    @Inject
    AsOtherHolder other;

    @Inject
    CardFixtures fixtures;

    @Inject
    RaCounter counter;

    @Test
    void afterTheCardProvesItsKeyTheApplicationGetsTicketsForKeysOnTheCardAndTheirRequestsOnly() throws Exception {
        RaCounter.IssuedCard issued = counter.issueCardTo(CardFixtures.HOLDER);
        long startsBefore = fixtures.audits(AuditEvent.CERTIFICATE_APPLICATION_STARTED, Outcome.SUCCESS,
                CardFixtures.HOLDER, issued.guid());
        Applications.Started started = holder.call(
                () -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT));
        assertEquals("admin-authenticate", started.adminAuthenticate().operation());
        assertEquals(Map.of("algorithm", "AES_128"), started.adminAuthenticate().params());

        List<AgentStep> next = prove(started.applicationId(), issued.card());

        assertEquals(List.of("generate-key 9C EC_P256", "generate-key 9D RSA_2048", "sign-request 9C null",
                "sign-request 9D null"), next.stream().map(s -> s.operation() + " " + s.params().get("slot") + " "
                + s.params().get("algorithm")).toList());
        assertEquals(startsBefore + 1, fixtures.audits(AuditEvent.CERTIFICATE_APPLICATION_STARTED, Outcome.SUCCESS,
                CardFixtures.HOLDER, issued.guid()));
    }

    @Test
    void aReloadOrASecondTabJoinsTheOneOpenApplication() throws Exception {
        RaCounter.IssuedCard issued = counter.issueCardTo(CardFixtures.HOLDER);
        String first = holder.call(() -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT))
                .applicationId();
        String second = holder.call(() -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT))
                .applicationId();
        assertEquals(first, second);
    }

    @Test
    void noApplicationWithoutTheAgreementOrOnAnotherSubscribersCard() throws Exception {
        RaCounter.IssuedCard mine = counter.issueCardTo(CardFixtures.HOLDER);
        RaCounter.IssuedCard theirs = counter.issueCardTo(CardFixtures.OTHER_HOLDER);
        long refusalsBefore = fixtures.audits(AuditEvent.CERTIFICATE_APPLICATION_REFUSED, Outcome.FAILURE,
                CardFixtures.HOLDER, "TERMS_NOT_ACCEPTED");

        ApplicationRefusedException noTerms = assertThrows(ApplicationRefusedException.class, () -> holder.call(
                () -> applications.start(mine.guid(), false, CardFixtures.ORIGIN, CLIENT)));
        assertEquals(Reason.TERMS_NOT_ACCEPTED, noTerms.reason());
        CardRefusedException notMine = assertThrows(CardRefusedException.class, () -> holder.call(
                () -> applications.start(theirs.guid(), true, CardFixtures.ORIGIN, CLIENT)));
        assertEquals(CardRefusedException.Reason.NOT_YOUR_CARD, notMine.reason());
        assertEquals(refusalsBefore + 1, fixtures.audits(AuditEvent.CERTIFICATE_APPLICATION_REFUSED, Outcome.FAILURE,
                CardFixtures.HOLDER, "TERMS_NOT_ACCEPTED"));
    }

    @Test
    void anotherSubscriberCannotContinueMyApplicationAndStepsOutOfOrderAreRefused() throws Exception {
        RaCounter.IssuedCard issued = counter.issueCardTo(CardFixtures.HOLDER);
        String application = holder.call(() -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT))
                .applicationId();

        ApplicationRefusedException foreign = assertThrows(ApplicationRefusedException.class, () -> other.call(
                () -> applications.challenge(application, issued.card().requestWitness(AES), CLIENT)));
        assertEquals(Reason.UNKNOWN_APPLICATION, foreign.reason());
        ApplicationRefusedException early = assertThrows(ApplicationRefusedException.class, () -> holder.call(
                () -> applications.written(application, "9C", CLIENT)));
        assertEquals(Reason.OUT_OF_ORDER, early.reason());
    }

    @Test
    void aSubscriberWithAPairRenewsInsteadOfApplyingAgain() throws Exception {
        RaCounter.IssuedCard issued = counter.issueCardTo(CardFixtures.OTHER_HOLDER);
        String ubn = CardFixtures.OTHER_HOLDER.substring(0, 8);
        ca.issuePair(new PairRequest(UUID.randomUUID().toString(), CardFixtures.OTHER_HOLDER, ubn,
                CaFixtures.csr(CaFixtures.ecKeys()), CaFixtures.csr(CaFixtures.rsaKeys())));

        ApplicationRefusedException refused = assertThrows(ApplicationRefusedException.class, () -> other.call(
                () -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT)));
        assertEquals(Reason.PAIR_EXISTS, refused.reason());
    }

    /** A holder starts without a usable pair: whatever an earlier test left is revoked. */
    @BeforeEach
    void holderWithoutPair() throws Exception {
        fixtures.withoutUsablePair(CardFixtures.HOLDER);
    }

    @Test
    void keysGeneratedAndAttestedByTheCardBecomeAPairThatEndsOnTheCard() throws Exception {
        RaCounter.CounterCard issued = counter.personalizeAtCounter(CardFixtures.HOLDER);
        PivCard card = issued.card();
        String application = holder.call(() -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT))
                .applicationId();
        prove(application, card);
        CardRequest signing = OnCard.cardRequest(card, issued, Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        CardRequest encryption = OnCard.cardRequest(card, issued, Slot.KEY_MANAGEMENT, KeyAlgorithm.RSA_2048);

        Applications.Issued pair = holder.call(() -> applications.requestsSigned(application, signing, encryption,
                CardFixtures.ORIGIN, CLIENT));
        assertEquals(CertificateStatus.ISSUED_NOT_ON_CARD, pair.signing().status());
        assertArrayEquals(card.publicKey(Slot.SIGNATURE).getEncoded(),
                certificate(pair.signing().der()).getPublicKey().getEncoded());
        assertArrayEquals(card.publicKey(Slot.KEY_MANAGEMENT).getEncoded(),
                certificate(pair.encryption().der()).getPublicKey().getEncoded());

        List<AgentStep> writes = prove(application, card);
        assertEquals(List.of("write-certificate 9C", "write-certificate 9D"),
                writes.stream().map(w -> w.operation() + " " + w.params().get("slot")).toList());
        for (AgentStep write : writes) {
            Slot slot = Slot.byId(write.params().get("slot"));
            card.writeCertificate(slot, Base64.getDecoder().decode(write.params().get("certificate")));
            holder.call(() -> applications.written(application, slot.id(), CLIENT));
        }

        assertEquals(CertificateStatus.ACTIVE, ca.find(pair.signing().certificateNumber()).orElseThrow().status());
        assertEquals(CertificateStatus.ACTIVE, ca.find(pair.encryption().certificateNumber()).orElseThrow().status());
        assertArrayEquals(pair.signing().der(), card.readCertificate(Slot.SIGNATURE).orElseThrow());
        assertEquals(1, fixtures.audits(AuditEvent.CERTIFICATE_APPLICATION_COMPLETED, Outcome.SUCCESS,
                CardFixtures.HOLDER, application));
        ApplicationRefusedException again = assertThrows(ApplicationRefusedException.class, () -> holder.call(
                () -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT)));
        assertEquals(Reason.PAIR_EXISTS, again.reason());
    }

    @Test
    void aSoftwareKeyPassedOffWithTheCardsAttestationIsRefusedAndNothingIsIssued() throws Exception {
        RaCounter.CounterCard issued = counter.personalizeAtCounter(CardFixtures.HOLDER);
        PivCard card = issued.card();
        String application = holder.call(() -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT))
                .applicationId();
        prove(application, card);
        CardRequest genuine = OnCard.cardRequest(card, issued, Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        CardRequest encryption = OnCard.cardRequest(card, issued, Slot.KEY_MANAGEMENT, KeyAlgorithm.RSA_2048);
        // a tampered page or agent keeps the attestation but asks for a key it holds itself
        CardRequest substituted = new CardRequest(CaFixtures.csr(CaFixtures.ecKeys()), genuine.attestation(),
                genuine.attestationIssuer());
        int before = ca.ofSubscriber(CardFixtures.HOLDER).size();
        long refusalsBefore = fixtures.audits(AuditEvent.CERTIFICATE_APPLICATION_REFUSED, Outcome.FAILURE,
                CardFixtures.HOLDER, "KEY_MISMATCH");

        CardRefusedException refused = assertThrows(CardRefusedException.class, () -> holder.call(
                () -> applications.requestsSigned(application, substituted, encryption, CardFixtures.ORIGIN, CLIENT)));

        assertEquals(CardRefusedException.Reason.KEY_NOT_ATTESTED, refused.reason());
        assertEquals(before, ca.ofSubscriber(CardFixtures.HOLDER).size());
        assertEquals(refusalsBefore + 1, fixtures.audits(AuditEvent.CERTIFICATE_APPLICATION_REFUSED, Outcome.FAILURE,
                CardFixtures.HOLDER, "KEY_MISMATCH"));
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    /** The relayed management-key authentication, the test playing the agent. */
    private List<AgentStep> prove(String application, PivCard card) throws Exception {
        AdminChallenge challenge = holder.call(() -> applications.challenge(application, card.requestWitness(AES),
                CLIENT));
        byte[] response = card.answerWitness(AES, challenge.witness(), challenge.challenge());
        return holder.call(() -> applications.cardProved(application, challenge.id(), response, CardFixtures.ORIGIN,
                CLIENT));
    }
}
