<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: error.ftl (Keycloak's, with the reference code a school can look up) -->
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message">
            <p class="instruction">${kcSanitize(message.summary)?no_esc}</p>
            <#if leeridReference??>
                <p class="instruction" id="leerid-reference">${msg("leeridReference", leeridReference)}</p>
            </#if>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
            <#if skipLink??>
            <#else>
                <#-- Back to the service: its home page, or the site the login would have returned to. -->
                <#assign serviceHome = (client?? && client.baseUrl?has_content)?then(client.baseUrl, leeridServiceHome!"")>
                <#if serviceHome?has_content>
                    <p><a id="backToApplication" href="${serviceHome}"><#if client?? && client.name?has_content>${msg("leeridBackTo", advancedMsg(client.name))}<#else>${msg("backToApplication")}</#if></a></p>
                </#if>
                <#-- A shared classroom laptop: end this LeerID session, so the next person logs in with their own account. -->
                <#if url?? && url.loginUrl?? && url.loginUrl?contains("/login-actions")>
                    <p><a id="leerid-someone-else" href="${url.loginUrl?keep_before("/login-actions")}/protocol/openid-connect/logout">${msg("leeridSomeoneElse")}</a></p>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
