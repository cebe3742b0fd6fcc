<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=true; section>
<#-- template: leerid-activate.ftl (a learner's first login, with the code from the activation letter) -->
    <#if section = "header">
        ${msg("leeridActivateTitle")}
    <#elseif section = "form">
        <p id="leerid-activate-intro">${msg("leeridActivateIntro")}</p>
        <#if leeridReference??>
            <p id="leerid-reference">${msg("leeridReference", leeridReference)}</p>
        </#if>
        <form id="leerid-activate-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="username" label=msg("username") autofocus=!(activationUsername?has_content) autocomplete="username" value=activationUsername!'' />
            <@field.input name="activation_code" label=msg("leeridActivationCode") autofocus=activationUsername?has_content autocomplete="one-time-code" value="" />
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" id="leerid-activate-submit">${msg("leeridActivateSubmit")}</button>
            </div>
        </form>
        <form id="leerid-activate-back-form" action="${url.loginAction}" method="post">
            <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="leerid_password" id="leerid-activate-back">${msg("leeridActivateBack")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
