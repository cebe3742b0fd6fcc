<#-- The badge's camera and code field, on the badge page and (opened by its button, with JavaScript) on the login page. -->
<#macro camera>
    <p id="leerid-badge-intro">${msg("leeridBadgeIntro")}</p>
    <div class="leerid-badge-camera">
        <video id="leerid-badge-video" muted playsinline width="320" height="240" aria-describedby="leerid-badge-camera-status"></video>
    </div>
    <p id="leerid-badge-camera-status" role="status" aria-live="polite"
       data-starting="${msg("leeridBadgeCameraStarting")}" data-scanning="${msg("leeridBadgeCameraScanning")}"
       data-found="${msg("leeridBadgeCameraFound")}" data-nocamera="${msg("leeridBadgeNoCamera")}"
       data-refused="${(message?? && message.type = 'error')?c}">${msg("leeridBadgeCameraStarting")}</p>
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
</#macro>

<#macro scripts>
    <script src="${url.resourcesPath}/js/vendor/jsQR.js" defer></script>
    <script src="${url.resourcesPath}/js/leerid-badge.js" defer></script>
</#macro>
