<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-badge-confirm.ftl (whose badge this is, before the login goes on: shared classroom laptops) -->
    <#if section = "header">
        ${msg("leeridBadgeIsItYou", badgeGivenName)}
    <#elseif section = "form">
        <form id="leerid-badge-confirm-form" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="leerid_badge_yes" id="leerid-badge-yes" autofocus>${msg("leeridBadgeYes", badgeGivenName)}</button>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="leerid_badge_no" id="leerid-badge-no">${msg("leeridBadgeNotYou")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
