package be.leerid.testbed.eid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The card holders of card-holders.json; they match staff (and one learner) of LeerID's demo register. */
@Component
public class CardHolders implements UserDetailsService {

    /** Picking a card holder is the whole login: the picker form carries this fixed password. */
    static final String PICKER_PASSWORD = "card-inserted";

    private final List<CardHolder> all;

    public CardHolders(ObjectMapper json) {
        try (InputStream in = CardHolders.class.getResourceAsStream("/card-holders.json")) {
            all = List.copyOf(json.readValue(in, new TypeReference<List<CardHolder>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<CardHolder> all() {
        return all;
    }

    public Optional<CardHolder> byId(String id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public UserDetails loadUserByUsername(String id) {
        return byId(id)
                .map(c -> User.withUsername(c.id()).password("{noop}" + PICKER_PASSWORD).roles("CARD_HOLDER").build())
                .orElseThrow(() -> new UsernameNotFoundException("no such card holder"));
    }
}
