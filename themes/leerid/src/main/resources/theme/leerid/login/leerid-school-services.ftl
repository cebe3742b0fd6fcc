<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-school-services.ftl (the services a school chooses: what each receives, activate or deactivate) -->
    <#if section = "header">
        ${msg("leeridSchoolServices")}
    <#elseif section = "form">
        <#assign base = consoleUrl + school?url('UTF-8') + "/">
        <p id="leerid-school-services-help">${msg("leeridSchoolServicesHelp", school)}</p>
        <#if services?has_content>
            <ul id="leerid-school-services" class="leerid-school-people">
                <#list services as service>
                    <li id="service-${service.id()}" class="leerid-school-person" data-activated="${service.activated()?c}">
                        <#if service?index gt 0><hr class="pf-v5-c-divider"></#if>
                        <h2 class="leerid-school-heading pf-v5-c-title pf-m-lg">${advancedMsg(service.name())}</h2>
                        <p class="leerid-school-status"><#if service.activated()>${msg("leeridSchoolServiceActive", service.activatedOn())}<#else>${msg("leeridSchoolServiceInactive")}</#if></p>
                        <p>${msg("leeridSchoolServiceReceives")}</p>
                        <ul class="leerid-school-claims pf-v5-c-list">
                            <#list service.claimKeys() as claimKey><li>${msg(claimKey)}</li></#list>
                        </ul>
                        <form action="${base}services/${service.id()}" method="post" class="leerid-school-action">
                            <input type="hidden" name="form_token" value="${formToken}">
                            <input type="hidden" name="activate" value="${(!service.activated())?c}">
                            <button class="${properties.kcButtonClass!} <#if service.activated()>${properties.kcButtonSecondaryClass!}<#else>${properties.kcButtonPrimaryClass!}</#if>" type="submit"><#if service.activated()>${msg("leeridSchoolServiceDeactivate", advancedMsg(service.name()))}<#else>${msg("leeridSchoolServiceActivate", advancedMsg(service.name()))}</#if></button>
                        </form>
                    </li>
                </#list>
            </ul>
        <#else>
            <p id="leerid-school-no-services">${msg("leeridSchoolNoServices")}</p>
        </#if>
        <p><a id="leerid-school-back" href="${base}">${msg("leeridSchoolBack")}</a></p>
    </#if>
</@layout.registrationLayout>
