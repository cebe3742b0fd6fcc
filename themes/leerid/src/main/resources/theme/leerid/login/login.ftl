<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#import "passkeys.ftl" as passkeys>
<#import "leerid-badge-camera.ftl" as badge>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
<#-- template: login.ftl (keycloak.v2, with the service that asks and LeerID's ways in: badge, password, activation letter, eID) -->

    <#if section = "header">
        <#if client?? && client.name?has_content>
            <#if client.getAttribute("leerid.logo")?has_content>
                <img class="leerid-service-logo" src="${url.resourcesPath}/img/services/${client.getAttribute("leerid.logo")}"
                     alt="" width="40" height="40">
            </#if>
            <span id="leerid-service">${msg("leeridSigningInAt", advancedMsg(client.name))}</span>
        <#else>
            ${msg("loginAccountTitle")}
        </#if>
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if leeridReference??>
                <p id="leerid-reference">${msg("leeridReference", leeridReference)}</p>
            </#if>
            <#-- Young learners: the QR badge the school printed, where a badge is enough for the service. -->
            <#if leeridBadgeLogin!false>
                <#-- Without JavaScript the button asks the server for the badge page; with it, the camera opens right here. -->
                <form id="leerid-badge-start" action="${url.loginAction}" method="post">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="leerid_badge" id="leerid-badge" aria-controls="leerid-badge-inline">${msg("leeridBadgeLogin")}</button>
                </form>
                <section id="leerid-badge-inline" aria-label="${msg("leeridBadgeTitle")}" hidden>
                    <@badge.camera />
                </section>
                <@badge.scripts />
                <p id="leerid-badge-or" class="leerid-or">${msg("leeridBadgeOrPassword")}</p>
            </#if>
            <#if realm.password>
                <form id="kc-form-login" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#if !usernameHidden??>
                        <#assign label>
                            <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
                        </#assign>
                        <@field.input name="username" label=label error=messagesPerField.getFirstError('username','password')
                            autofocus=true autocomplete="${(enableWebAuthnConditionalUI?has_content)?then('username webauthn', 'username')}" value=login.username!'' />
                        <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    <#else>
                        <@field.password name="password" label=msg("password") forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    </#if>

                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
                <#-- Shared classroom devices: someone else's name in the field is one click from a fresh login. -->
                <#if (login.username!'')?has_content>
                    <p id="leerid-not-you"><a id="leerid-not-you-link" href="${url.loginRestartFlowUrl}">${msg("leeridNotYou")}</a></p>
                </#if>
                <#-- A learner the register created has no password until the school hands out a letter. -->
                <#if !usernameHidden??>
                    <form id="leerid-activation-start" action="${url.loginAction}" method="post">
                        <p id="leerid-no-password">${msg("leeridNoPasswordYet")}</p>
                        <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="leerid_activate" id="leerid-activate">${msg("leeridHaveLetter")}</button>
                    </form>
                </#if>
            </#if>
            </div>
        </div>
        <@passkeys.conditionalUIData />
    <#elseif section = "socialProviders" >
        <#if realm.password && social.providers?? && social.providers?has_content>
            <@identityProviders.show social=social/>
        </#if>
    <#elseif section = "info" >
        <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
            <div id="kc-registration-container">
                <div id="kc-registration">
                    <span>${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></span>
                </div>
            </div>
        </#if>
    </#if>

</@layout.registrationLayout>
