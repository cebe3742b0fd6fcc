<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: leerid-badge.ftl (a young learner holds the QR badge to the camera; or a scanner or a teacher types its code) -->
    <#if section = "header">
        ${msg("leeridBadgeTitle")}
    <#elseif section = "form">
        <#if !(badgeOutside!false)>
            <p id="leerid-badge-intro">${msg("leeridBadgeIntro")}</p>
            <div class="leerid-badge-camera">
                <video id="leerid-badge-video" muted playsinline width="320" height="240" aria-describedby="leerid-badge-camera-status"></video>
            </div>
            <p id="leerid-badge-camera-status" role="status" aria-live="polite"
               data-starting="${msg("leeridBadgeCameraStarting")}" data-scanning="${msg("leeridBadgeCameraScanning")}"
               data-found="${msg("leeridBadgeCameraFound")}" data-nocamera="${msg("leeridBadgeNoCamera")}">${msg("leeridBadgeCameraStarting")}</p>
            <form id="leerid-badge-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="badge_code" class="pf-v5-c-form__label">${msg("leeridBadgeCode")}</label>
                    <input id="badge_code" name="badge_code" type="text" class="pf-v5-c-form-control" autocomplete="off" autocapitalize="characters"
                           spellcheck="false" aria-describedby="leerid-badge-code-help">
                    <p id="leerid-badge-code-help" class="pf-v5-c-helper-text">${msg("leeridBadgeCodeHelp")}</p>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="leerid-badge-submit">${msg("leeridBadgeSubmit")}</button>
                </div>
            </form>
        </#if>
        <form id="leerid-badge-back-form" action="${url.loginAction}" method="post">
            <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="leerid_password" id="leerid-badge-back">${msg("leeridBadgeBack")}</button>
        </form>
        <#if !(badgeOutside!false)>
            <script src="${url.resourcesPath}/js/vendor/jsQR.js"></script>
            <script src="${url.resourcesPath}/js/leerid-badge.js"></script>
        </#if>
    </#if>
</@layout.registrationLayout>
