// Azure Static Web Apps hosting the task pane's static site (HTML, hashed JS/CSS, icons). azd deploys dist/addin
// to it (service "addin"); headers and caching come from staticwebapp.config.json in the site's root.

@description('Static Web App name.')
param name string

@description('Region (Static Web Apps are available in a few regions).')
param location string

@description('Free or Standard.')
param sku string

@description('Tags for the resource.')
param tags object

resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'addin' })
  sku: { name: sku, tier: sku }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output defaultHostname string = site.properties.defaultHostname
output origin string = 'https://${site.properties.defaultHostname}'
