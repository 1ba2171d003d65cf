metadata description = 'AI Foundry (AIServices) account with the model deployments main.bicep lists (three, or four with an image model), Entra ID only.'

param name string
@description('''Region of the account. Only regions whose Global Standard matrix offers all four models:
gpt-realtime 2025-08-28 (canadacentral, centralus, eastus2, francecentral, southindia, swedencentral),
gpt-image-1-mini 2025-10-06 (eastus2, polandcentral, swedencentral, uaenorth, westus3), gpt-image-1 2025-04-15 (among others eastus2, swedencentral),
model-router 2025-11-18 (eastus2, swedencentral) and gpt-5-mini 2025-08-07 (both).
Source: https://github.com/MicrosoftDocs/azure-ai-docs/blob/main/articles/foundry/openai/includes/model-matrix/standard-global.md (docs/pitfalls.md 2.3).''')
@allowed(['eastus2', 'swedencentral'])
param location string
param tags object = {}
@description('Model deployments: { name, model, version, capacity }. Names are what the app calls (AZURE_OPENAI_*_DEPLOYMENT).')
param deployments array

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'AIServices'
  sku: { name: 'S0' }
  identity: { type: 'SystemAssigned' }
  properties: {
    // Entra tokens are only accepted on a custom subdomain (https://<name>.openai.azure.com).
    // https://learn.microsoft.com/azure/ai-services/authentication#authenticate-with-microsoft-entra-id
    customSubDomainName: name
    // No API keys: the Function app and developers authenticate with Cognitive Services OpenAI User.
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    // A Foundry resource (projects can be added in the portal); harmless for plain OpenAI calls.
    allowProjectManagement: true
  }
}

// One deployment at a time: the account accepts a single deployment operation at once and parallel
// PUTs fail with "Another operation is being performed on the parent resource" (docs/pitfalls.md 10.3,
// https://github.com/dotnet/aspire/issues/3409).
@batchSize(1)
resource modelDeployments 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = [for deployment in deployments: {
  parent: account
  name: deployment.name
  sku: {
    name: 'GlobalStandard'
    capacity: deployment.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: deployment.model
      version: deployment.version
    }
    // Pinned: behaviour (tool calls, structured output) is tested against these versions.
    versionUpgradeOption: 'NoAutoUpgrade'
  }
}]

output name string = account.name
// The OpenAI endpoint form the app expects (api/config.ts AZURE_OPENAI_ENDPOINT); the v1 API lives under /openai/v1/.
output endpoint string = 'https://${account.properties.customSubDomainName}.openai.azure.com'
