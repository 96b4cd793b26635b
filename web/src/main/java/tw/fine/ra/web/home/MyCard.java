package tw.fine.ra.web.home;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import tw.fine.ra.card.boundary.Cards;
import tw.fine.ra.card.entity.CardView;
import tw.fine.ra.web.support.TaipeiTime;

/** The subscriber's card at a glance on the home page: which card, in what state, personalized when (Taipei). */
@Named
@ViewScoped
public class MyCard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cards cards;

    private CardView card;

    @PostConstruct
    void load() {
        card = cards.myCard().orElse(null);
    }

    public boolean isPresent() {
        return card != null;
    }

    public String getNumber() {
        return card.guid();
    }

    /** The message key of the card's state. */
    public String getStateKey() {
        return "home.card.status." + card.status();
    }

    public String getPersonalizedAt() {
        return TaipeiTime.of(card.personalizedAt());
    }
}
