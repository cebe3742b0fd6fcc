<#-- LeerID's identity providers (the eID gateway) on the login page. Their display names may be message keys
     (${leeridEidLogin}), so every language names the button in its own words. -->
<#macro show social>
  <div class="${properties.kcLoginMainFooterBand!}">
      <span class="${properties.kcLoginMainFooterBandItem!} ${properties.kcLoginMainFooterHelperText!}">
          ${msg("identity-provider-login-label")}
      </span>
  </div>
  <div id="kc-social-providers" class="${properties.kcFormSocialAccountSectionClass!}">
      <ul class="${properties.kcFormSocialAccountListClass!}">
          <#list social.providers as p>
              <#assign label = advancedMsg(p.displayName!p.alias)>
              <li class="${properties.kcFormSocialAccountListItemClass!}">
                  <a data-once-link data-disabled-class="${properties.kcFormSocialAccountListButtonDisabledClass!}" id="social-${p.alias}"
                     class="${properties.kcFormSocialAccountListButtonClass!}" href="${p.loginUrl}">
                      <span class="${properties.kcFormSocialAccountNameClass!}">${label}</span>
                  </a>
              </li>
          </#list>
      </ul>
  </div>
</#macro>
