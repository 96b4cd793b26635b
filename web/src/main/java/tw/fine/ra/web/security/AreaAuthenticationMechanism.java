package tw.fine.ra.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one authentication mechanism of the WAR (Jakarta Security allows one). Credentials come
 * only from the sign-in pages' beans, after their CAPTCHA check; an anonymous request for a
 * protected page is sent to the sign-in page of its {@link Area}.
 */
@ApplicationScoped
@AutoApplySession
@DeclareRoles({"SUBSCRIBER", "CLERK", "OFFICER", "AUDITOR"})
public class AreaAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result)
                    // SEND_FAILURE, not responseUnauthorized(): the sign-in page renders its message
                    : AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isProtected() && request.getRequestURI().startsWith(request.getContextPath() + "/app/api/")) {
            // a script gets a status it can act on, not the sign-in page
            return context.responseUnauthorized();
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + Area.of(request).signInPage());
        }
        return context.doNothing();
    }
}
