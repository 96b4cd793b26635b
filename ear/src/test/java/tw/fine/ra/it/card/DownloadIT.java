package tw.fine.ra.it.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.fine.ra.it.card.RaCounter.CLIENT;

import jakarta.inject.Inject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tw.fine.ra.audit.entity.AuditEvent;
import tw.fine.ra.audit.entity.Outcome;
import tw.fine.ra.ca.boundary.CertificateAuthority;
import tw.fine.ra.ca.boundary.CertificateView;
import tw.fine.ra.ca.entity.CertificateStatus;
import tw.fine.ra.card.entity.AdminChallenge;
import tw.fine.ra.card.protocol.piv.KeyAlgorithm;
import tw.fine.ra.card.protocol.piv.ManagementKeyAlgorithm;
import tw.fine.ra.card.protocol.piv.PivCard;
import tw.fine.ra.card.protocol.piv.Slot;
import tw.fine.ra.certificate.boundary.Applications;
import tw.fine.ra.certificate.boundary.CertificateDownloads;
import tw.fine.ra.certificate.boundary.CertificateDownloads.Write;
import tw.fine.ra.certificate.entity.DownloadRefusedException;
import tw.fine.ra.certificate.entity.DownloadRefusedException.Reason;
import tw.fine.ra.it.ca.CaFixtures;

/**
 * Certificate download's server rules (SPEC function 4) against the real applet in jCardSim, the test
 * playing page and agent: a pair issued but not written (the application's write failed) reaches the
 * card only after the card signs the server's nonce with the key of each certificate's slot; a
 * regenerated key, a key from the wrong slot, another subscriber's certificate or card, and a
 * certificate already on the card are refused, and nothing is written or marked. Each test applies
 * anew after the last one's pair was revoked: an application whose pair ended before reaching the
 * card is abandoned, not left blocking the next one.
 */
@ExtendWith(ArquillianExtension.class)
class DownloadIT {

    private static final ManagementKeyAlgorithm AES = ManagementKeyAlgorithm.AES_128;

    @Deployment
    static EnterpriseArchive deployment() {
        return CardFixtures.deployment(DownloadIT.class, OnCard.class, CaFixtures.class);
    }

    @Inject
    CertificateDownloads downloads;

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

    /** The application {@link #issuedNotOnCard} left with its pair issued, not on the card. */
    private String application;

    /** A holder starts without a usable pair: whatever an earlier test left is revoked. */
    @BeforeEach
    void holderWithoutPair() throws Exception {
        fixtures.withoutUsablePair(CardFixtures.HOLDER);
    }

    @Test
    void afterTheCardProvesTheKeyOfEachSlotBothCertificatesAreWrittenAndMarkedOnTheCard() throws Exception {
        RaCounter.CounterCard issued = counter.personalizeAtCounter(CardFixtures.HOLDER);
        Applications.Issued pair = issuedNotOnCard(issued);
        assertEquals(List.of(pair.signing().certificateNumber(), pair.encryption().certificateNumber()),
                holder.call(downloads::waiting).stream().map(CertificateView::certificateNumber).toList());
        long downloadsBefore = fixtures.audits(AuditEvent.CERTIFICATE_DOWNLOAD, Outcome.SUCCESS, CardFixtures.HOLDER,
                "written to the card");

        CertificateDownloads.Started started = holder.call(() -> downloads.start(issued.guid(), List.of(),
                CardFixtures.ORIGIN, CLIENT));
        assertEquals(List.of("sign-challenge 9C", "sign-challenge 9D"), started.proofs().stream()
                .map(p -> p.step().operation() + " " + p.step().params().get("slot")).toList());
        assertEquals("admin-authenticate", started.adminAuthenticate().operation());
        Map<Long, byte[]> signatures = proofs(issued, started);

        List<Write> writes = prove(issued, started.nonce(), signatures);
        assertEquals(List.of("write-certificate 9C", "write-certificate 9D"), writes.stream()
                .map(w -> w.step().operation() + " " + w.step().params().get("slot")).toList());
        for (Write write : writes) {
            Slot slot = Slot.byId(write.step().params().get("slot"));
            issued.card().writeCertificate(slot, Base64.getDecoder().decode(write.step().params().get("certificate")));
            holder.call(() -> downloads.written(write.certificate(), started.nonce(),
                    signatures.get(write.certificate()), CLIENT));
        }

        assertEquals(CertificateStatus.ACTIVE, ca.find(pair.signing().certificateNumber()).orElseThrow().status());
        assertEquals(CertificateStatus.ACTIVE, ca.find(pair.encryption().certificateNumber()).orElseThrow().status());
        assertArrayEquals(pair.signing().der(), issued.card().readCertificate(Slot.SIGNATURE).orElseThrow());
        assertArrayEquals(pair.encryption().der(), issued.card().readCertificate(Slot.KEY_MANAGEMENT).orElseThrow());
        assertEquals(downloadsBefore + 2, fixtures.audits(AuditEvent.CERTIFICATE_DOWNLOAD, Outcome.SUCCESS,
                CardFixtures.HOLDER, "written to the card"));
        assertTrue(holder.call(downloads::waiting).isEmpty());
        assertEquals(1, fixtures.audits(AuditEvent.CERTIFICATE_APPLICATION_COMPLETED, Outcome.SUCCESS,
                CardFixtures.HOLDER, application), "the download completes the application");

        DownloadRefusedException again = assertThrows(DownloadRefusedException.class, () -> holder.call(
                () -> downloads.start(issued.guid(), List.of(pair.signing().certificateNumber()), CardFixtures.ORIGIN,
                        CLIENT)));
        assertEquals(Reason.NOT_WAITING, again.reason());
        DownloadRefusedException nothing = assertThrows(DownloadRefusedException.class, () -> holder.call(
                () -> downloads.start(issued.guid(), List.of(), CardFixtures.ORIGIN, CLIENT)));
        assertEquals(Reason.NOTHING_WAITING, nothing.reason());
    }

    @Test
    void aKeyRegeneratedAfterIssuanceOrAKeyFromAnotherSlotIsRefusedBeforeAnyWrite() throws Exception {
        RaCounter.CounterCard issued = counter.personalizeAtCounter(CardFixtures.HOLDER);
        Applications.Issued pair = issuedNotOnCard(issued);
        PivCard card = issued.card();
        long signing = pair.signing().certificateNumber();
        long encryption = pair.encryption().certificateNumber();
        long refusalsBefore = fixtures.audits(AuditEvent.CERTIFICATE_DOWNLOAD, Outcome.FAILURE, CardFixtures.HOLDER,
                "KEY_MISMATCH");

        // the encryption key (9D) signs the proof meant for the signing certificate's slot
        CertificateDownloads.Started wrongSlot = holder.call(() -> downloads.start(issued.guid(), List.of(signing),
                CardFixtures.ORIGIN, CLIENT));
        byte[] fromNineD = OnCard.proof(card, issued.pin(), Slot.KEY_MANAGEMENT, CardFixtures.ORIGIN,
                wrongSlot.nonce());
        DownloadRefusedException slotRefused = assertThrows(DownloadRefusedException.class,
                () -> prove(issued, wrongSlot.nonce(), Map.of(signing, fromNineD)));
        assertEquals(Reason.KEY_MISMATCH, slotRefused.reason());

        // the card's signing key was replaced after issuance: its proof does not fit the certificate
        card.authenticate(AES, fixtures.managementKey(issued.guid()));
        card.generate(Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        card.select();
        CertificateDownloads.Started regenerated = holder.call(() -> downloads.start(issued.guid(), List.of(),
                CardFixtures.ORIGIN, CLIENT));
        Map<Long, byte[]> proofs = proofs(issued, regenerated);
        DownloadRefusedException keyRefused = assertThrows(DownloadRefusedException.class,
                () -> prove(issued, regenerated.nonce(), proofs));
        assertEquals(Reason.KEY_MISMATCH, keyRefused.reason());
        // and the page cannot mark it on the card with that proof either
        DownloadRefusedException notMarked = assertThrows(DownloadRefusedException.class, () -> holder.call(
                () -> downloads.written(signing, regenerated.nonce(), proofs.get(signing), CLIENT)));
        assertEquals(Reason.KEY_MISMATCH, notMarked.reason());

        assertEquals(CertificateStatus.ISSUED_NOT_ON_CARD, ca.find(signing).orElseThrow().status());
        assertEquals(CertificateStatus.ISSUED_NOT_ON_CARD, ca.find(encryption).orElseThrow().status());
        assertTrue(card.readCertificate(Slot.SIGNATURE).isEmpty(), "nothing written");
        assertEquals(refusalsBefore + 3, fixtures.audits(AuditEvent.CERTIFICATE_DOWNLOAD, Outcome.FAILURE,
                CardFixtures.HOLDER, "KEY_MISMATCH"));
    }

    @Test
    void anotherSubscribersCertificateIsRefusedLikeAnUnknownOneAndAnotherCardIsRefused() throws Exception {
        RaCounter.CounterCard issued = counter.personalizeAtCounter(CardFixtures.HOLDER);
        Applications.Issued pair = issuedNotOnCard(issued);
        RaCounter.IssuedCard theirs = counter.issueCardTo(CardFixtures.OTHER_HOLDER);
        long mine = pair.signing().certificateNumber();

        DownloadRefusedException foreign = assertThrows(DownloadRefusedException.class, () -> other.call(
                () -> downloads.start(theirs.guid(), List.of(mine), CardFixtures.ORIGIN, CLIENT)));
        DownloadRefusedException unknown = assertThrows(DownloadRefusedException.class, () -> other.call(
                () -> downloads.start(theirs.guid(), List.of(Long.MAX_VALUE), CardFixtures.ORIGIN, CLIENT)));
        assertEquals(Reason.NOT_YOUR_CERTIFICATE, foreign.reason());
        assertEquals(foreign.reason(), unknown.reason());
        assertEquals(foreign.getMessage().replace(String.valueOf(mine), "#"),
                unknown.getMessage().replace(String.valueOf(Long.MAX_VALUE), "#"), "no hint that it exists");
        assertEquals(1, fixtures.audits(AuditEvent.CERTIFICATE_ACCESS_REFUSED, Outcome.FAILURE,
                CardFixtures.OTHER_HOLDER, "download: certificate #" + mine + " "));
        DownloadRefusedException foreignWrite = assertThrows(DownloadRefusedException.class, () -> other.call(
                () -> downloads.written(mine, "nonce", new byte[64], CLIENT)));
        assertEquals(Reason.NOT_YOUR_CERTIFICATE, foreignWrite.reason());

        DownloadRefusedException wrongCard = assertThrows(DownloadRefusedException.class, () -> holder.call(
                () -> downloads.start(theirs.guid(), List.of(), CardFixtures.ORIGIN, CLIENT)));
        assertEquals(Reason.WRONG_CARD, wrongCard.reason());
        DownloadRefusedException wrongWitness = assertThrows(DownloadRefusedException.class, () -> holder.call(
                () -> downloads.challenge(theirs.guid(), theirs.card().requestWitness(AES), CLIENT)));
        assertEquals(Reason.WRONG_CARD, wrongWitness.reason());
        assertEquals(CertificateStatus.ISSUED_NOT_ON_CARD, ca.find(mine).orElseThrow().status());
    }

    /** Applies on the card up to the issued pair, as the application page does before its write fails. */
    private Applications.Issued issuedNotOnCard(RaCounter.CounterCard issued) throws Exception {
        PivCard card = issued.card();
        String application = holder.call(() -> applications.start(issued.guid(), true, CardFixtures.ORIGIN, CLIENT))
                .applicationId();
        this.application = application;
        AdminChallenge challenge = holder.call(() -> applications.challenge(application, card.requestWitness(AES),
                CLIENT));
        byte[] response = card.answerWitness(AES, challenge.witness(), challenge.challenge());
        holder.call(() -> applications.cardProved(application, challenge.id(), response, CardFixtures.ORIGIN, CLIENT));
        Applications.CardRequest signing = OnCard.cardRequest(card, issued, Slot.SIGNATURE, KeyAlgorithm.EC_P256);
        Applications.CardRequest encryption = OnCard.cardRequest(card, issued, Slot.KEY_MANAGEMENT,
                KeyAlgorithm.RSA_2048);
        Applications.Issued pair = holder.call(() -> applications.requestsSigned(application, signing, encryption,
                CardFixtures.ORIGIN, CLIENT));
        card.select();
        return pair;
    }

    /** The agent's {@code sign-challenge} for each proof step, on the slot the ticket names. */
    private static Map<Long, byte[]> proofs(RaCounter.CounterCard issued, CertificateDownloads.Started started)
            throws Exception {
        Map<Long, byte[]> signatures = new LinkedHashMap<>();
        for (CertificateDownloads.Proof proof : started.proofs()) {
            signatures.put(proof.certificate(), OnCard.proof(issued.card(), issued.pin(),
                    Slot.byId(proof.step().params().get("slot")), CardFixtures.ORIGIN, started.nonce()));
        }
        return signatures;
    }

    /** The relayed management-key authentication with the card's proofs: the write tickets. */
    private List<Write> prove(RaCounter.CounterCard issued, String nonce, Map<Long, byte[]> signatures)
            throws Exception {
        PivCard card = issued.card();
        String guid = issued.guid();
        AdminChallenge challenge = holder.call(() -> downloads.challenge(guid, card.requestWitness(AES), CLIENT));
        byte[] response = card.answerWitness(AES, challenge.witness(), challenge.challenge());
        return holder.call(() -> downloads.cardProved(challenge.id(), response, nonce, signatures,
                CardFixtures.ORIGIN, CLIENT));
    }
}
