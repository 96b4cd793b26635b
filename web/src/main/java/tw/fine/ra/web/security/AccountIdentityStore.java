package tw.fine.ra.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import tw.fine.ra.account.boundary.SignIn;

/** Validates {@link AreaCredential}s through the {@link SignIn} boundary, which holds the rules. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    SignIn signIn;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof AreaCredential offered)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return signIn.verify(offered.area(), offered.login(), offered.password(), offered.clientAddress())
                .map(granted -> {
                    offered.mustChangePassword(granted.mustChangePassword());
                    offered.sessionEpoch(granted.sessionEpoch());
                    return new CredentialValidationResult(granted.login(), Set.of(granted.role().name()));
                })
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
