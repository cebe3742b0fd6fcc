<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-mijn.ftl (Mijn LeerID, the account page: which service received what, sessions, log out everywhere) -->
    <#if section = "header">
        ${msg("leeridMijnTitle")}
    <#elseif section = "form">
        <p id="leerid-mijn-hello">${msg("leeridMijnHello", givenName)}</p>
        <h2 class="pf-v5-c-title pf-m-lg">${msg("leeridMijnServices")}</h2>
        <p>${msg("leeridMijnServicesHelp")}</p>
        <#if receipts?has_content>
            <ul id="leerid-mijn-services" class="pf-v5-c-list pf-m-plain">
                <#list receipts as receipt>
                    <li id="service-${receipt.id()}" class="leerid-mijn-service">
                        <#if receipt?index gt 0><hr class="pf-v5-c-divider"></#if>
                        <h3 class="pf-v5-c-title pf-m-md">
                            <#if receipt.logo()?has_content><img src="${url.resourcesPath}/img/services/${receipt.logo()}" alt="" width="32" height="32"></#if>
                            ${advancedMsg(receipt.name())}
                        </h3>
                        <p class="leerid-mijn-access"><#if receipt.access() = "school">${msg("leeridMijnAccessSchool", receipt.activatedBy()?join(", "))}<#elseif receipt.access() = "open">${msg("leeridMijnAccessOpen")}<#elseif receipt.access() = "staff">${msg("leeridMijnAccessStaff")}</#if></p>
                        <#if !receipt.stillReceives()><p class="leerid-mijn-stopped">${msg("leeridMijnStopped")}</p></#if>
                        <p>${msg("leeridMijnReceives")}</p>
                        <dl class="leerid-mijn-claims">
                            <#list receipt.claims() as claim>
                                <dt data-claim="${claim.key()}"><strong>${msg(claim.key())}</strong></dt>
                                <dd><#if claim.values()?has_content><#list claim.values() as value><span class="leerid-mijn-value">${value}</span><#sep>, </#sep></#list><#else>${msg("leeridMijnNoValue")}</#if></dd>
                            </#list>
                        </dl>
                        <p class="leerid-mijn-days">${msg("leeridMijnDays", receipt.first(), receipt.last())}</p>
                    </li>
                </#list>
            </ul>
        <#else>
            <p id="leerid-mijn-no-services">${msg("leeridMijnNoServices")}</p>
        </#if>

        <h2 class="pf-v5-c-title pf-m-lg">${msg("leeridMijnSessions")}</h2>
        <ul id="leerid-mijn-sessions" class="pf-v5-c-list">
            <#list loginSessions as loginSession>
                <li class="leerid-mijn-session"><#if loginSession.current()><strong>${msg("leeridMijnThisDevice")}</strong> </#if><#if loginSession.device()?has_content>${loginSession.device()}, </#if>${msg("leeridMijnSession", loginSession.started(), loginSession.lastUsed(), loginSession.address())}<#if loginSession.services()?has_content> ${msg("leeridMijnSessionServices", loginSession.services()?map(s -> advancedMsg(s))?join(", "))}</#if></li>
            </#list>
        </ul>
        <form id="leerid-mijn-logout-all" action="${mijnUrl}logout-all" method="post">
            <input type="hidden" name="form_token" value="${formToken}">
            <p>${msg("leeridMijnLogoutAllHelp")}</p>
            <button id="leerid-mijn-logout-all-button" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit">${msg("leeridMijnLogoutAll")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
