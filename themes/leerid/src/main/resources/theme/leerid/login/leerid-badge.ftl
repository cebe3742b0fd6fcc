<#import "template.ftl" as layout>
<#import "leerid-badge-camera.ftl" as badge>
<@layout.registrationLayout displayMessage=true; section>
<#-- template: leerid-badge.ftl (a young learner holds the QR badge to the camera; or a scanner or a teacher types its code) -->
    <#if section = "header">
        ${msg("leeridBadgeTitle")}
    <#elseif section = "form">
        <#if !(badgeOutside!false)>
            <@badge.camera />
        </#if>
        <form id="leerid-badge-back-form" action="${url.loginAction}" method="post">
            <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="leerid_password" id="leerid-badge-back">${msg("leeridBadgeBack")}</button>
        </form>
        <#if !(badgeOutside!false)>
            <@badge.scripts />
        </#if>
    </#if>
</@layout.registrationLayout>
