package tw.fine.ra.ca.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A CRL as published, full or delta, so every node serves the same bytes. A CRL with 100,000 entries is megabytes;
 * the schema has no portable large-object type for H2 and PostgreSQL, so the base64 text is kept in
 * ordered parts of {@value #PART} characters.
 */
@Entity
@Table(name = "ca_crl")
@NamedQuery(name = PublishedCrl.LATEST, query = "select c from PublishedCrl c where c.issuerDn = :issuer"
        + " and c.baseNumber is null order by c.crlNumber desc")
@NamedQuery(name = PublishedCrl.LATEST_DELTA, query = "select c from PublishedCrl c where c.issuerDn = :issuer"
        + " and c.baseNumber is not null order by c.crlNumber desc")
public class PublishedCrl {

    /** The latest full CRL of an issuer first. */
    public static final String LATEST = "PublishedCrl.latest";
    /** The latest delta CRL of an issuer first. */
    public static final String LATEST_DELTA = "PublishedCrl.latestDelta";
    static final int PART = 30_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ca_crl_seq")
    @SequenceGenerator(name = "ca_crl_seq", sequenceName = "ca_crl_seq", allocationSize = 1)
    private Long id;

    @Column(name = "issuer_dn", nullable = false)
    private String issuerDn;

    @Column(name = "crl_number", nullable = false)
    private long crlNumber;

    @Column(name = "this_update", nullable = false)
    private Instant thisUpdate;

    @Column(name = "next_update", nullable = false)
    private Instant nextUpdate;

    @Column(name = "entries", nullable = false)
    private int entries;

    /** A delta CRL's base: the number of the full CRL it completes; null for a full CRL. */
    @Column(name = "base_number")
    private Long baseNumber;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ca_crl_part", joinColumns = @JoinColumn(name = "crl_id"))
    @OrderColumn(name = "part_index")
    @Column(name = "part", nullable = false)
    private List<String> parts = new ArrayList<>();

    protected PublishedCrl() {
    }

    public PublishedCrl(String issuerDn, long crlNumber, Instant thisUpdate, Instant nextUpdate, int entries,
            byte[] der) {
        this.issuerDn = issuerDn;
        this.crlNumber = crlNumber;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.entries = entries;
        String text = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < text.length(); i += PART) {
            parts.add(text.substring(i, Math.min(text.length(), i + PART)));
        }
    }

    /** A delta CRL (RFC 5280 5.2.4) completing the full CRL numbered {@code baseNumber}. */
    public static PublishedCrl delta(String issuerDn, long crlNumber, long baseNumber, Instant thisUpdate,
            Instant nextUpdate, int entries, byte[] der) {
        PublishedCrl crl = new PublishedCrl(issuerDn, crlNumber, thisUpdate, nextUpdate, entries, der);
        crl.baseNumber = baseNumber;
        return crl;
    }

    public boolean isDelta() {
        return baseNumber != null;
    }

    public Long id() {
        return id;
    }

    public String issuerDn() {
        return issuerDn;
    }

    public byte[] der() {
        return Base64.getDecoder().decode(String.join("", parts));
    }

    public BigInteger crlNumber() {
        return BigInteger.valueOf(crlNumber);
    }

    public Instant thisUpdate() {
        return thisUpdate;
    }

    public Instant nextUpdate() {
        return nextUpdate;
    }

    public int entries() {
        return entries;
    }
}
