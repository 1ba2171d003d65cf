metadata description = 'Static Web App that serves the SPA (web/dist). It has no linked backend: the SPA calls the Function app directly.'

param name string
@description('SWA is global; its location only holds metadata. Only these regions accept the resource.')
@allowed(['westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia'])
param location string
param tags object = {}
@description('Free is enough: no linked backend is used, because SWA buffers streamed /api responses and caps them at 45 s (https://github.com/Azure/static-web-apps/issues/1180).')
@allowed(['Free', 'Standard'])
param sku string = 'Free'

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: sku, tier: sku }
  properties: {
    // Deployed by azd (swa deploy) from web/dist, not from a linked GitHub repository.
    provider: 'Custom'
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostname}'
