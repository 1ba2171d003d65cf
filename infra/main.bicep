targetScope = 'subscription'

// Presto-Change-O on Azure: Static Web App (SPA) + Flex Consumption Function app (API) + Storage +
// Application Insights + AI Foundry account with three model deployments, plus the image model when
// one is chosen (imageModel). Keyless throughout.
// Output names are the environment variable names api/config.ts reads; azd stores them in the azd
// environment and infra/hooks/write-local-settings.mjs copies them into local.settings.json.
// No Bicep compiler ran where this was written: validate with `az bicep build --file infra/main.bicep`
// or `azd provision --preview` (docs/deploy.md).

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of the resource group, Function app, Storage and monitoring: a Flex Consumption region (az functionapp list-flexconsumption-locations).')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({ azd: { type: 'location' } })
param location string

// No default on purpose: `azd up` asks, so nobody deploys a limited-access model by accident and an
// ordinary subscription can answer `none` (issue #11 item 1).
@description('Chart image model. gpt-image-1-mini and gpt-image-1 are both limited access: apply at https://aka.ms/oai/gptimage1access and wait for approval first (https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e), or provisioning fails. none = no image deployment; the app draws every chart locally.')
@allowed(['gpt-image-1-mini', 'gpt-image-1', 'none'])
param imageModel string

@description('Region of the AI Foundry account: only where all four models (either image model included) exist as Global Standard (see modules/openai.bicep; docs/pitfalls.md 2.3).')
@allowed(['eastus2', 'swedencentral'])
param aiLocation string = 'eastus2'

@description('Object id of the developer or CI principal running azd (AZURE_PRINCIPAL_ID); gets data roles for local runs. Empty skips them.')
param principalId string = ''
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

// Deployment names are the defaults in api/config.ts, so an unset variable still matches (docs/pitfalls.md 10.2).
param chatDeploymentName string = 'model-router'
param structuredDeploymentName string = 'gpt-5-mini'
param realtimeDeploymentName string = 'gpt-realtime'
// The image deployment is named after its model, like the others (unused with imageModel=none).
param imageDeploymentName string = imageModel
@description('Dated api-version for the routes not on the v1 API yet (images); api/config.ts validates it (docs/pitfalls.md 10.1).')
param openAiApiVersion string = '2025-04-01-preview'

// Global Standard capacity in quota units (thousands of tokens per minute; requests per minute for
// images). The subscription needs this much free quota per model in aiLocation, or provisioning fails.
param chatCapacity int = 50
param structuredCapacity int = 50
param realtimeCapacity int = 1
param imageCapacity int = 1

@allowed(['20', '22'])
param nodeVersion string = '22'

// Pinned versions from the Global Standard model matrix (both offered in eastus2 and swedencentral):
// https://github.com/MicrosoftDocs/azure-ai-docs/blob/main/articles/foundry/openai/includes/model-matrix/standard-global.md
// A conditional rather than a map indexed by imageModel: 'none' is no key of such a map, and the
// compiler need not prove that branch unused.
var imageModelVersion = imageModel == 'gpt-image-1' ? '2025-04-15' : '2025-10-06' // else gpt-image-1-mini
var withImages = imageModel != 'none'
var imageDeployments = withImages ? [{ name: imageDeploymentName, model: imageModel, version: imageModelVersion, capacity: imageCapacity }] : []

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var appContainerName = 'presto'
var deploymentContainerName = 'deployment-package'
// Queue names from api/contracts (producers, triggers and host.json share them).
var queueNames = ['mode-generation', 'chart-images']
// SWA accepts only a few regions and is global anyway: follow `location` when possible.
var staticWebAppRegions = ['westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia']
var staticWebAppLocation = contains(staticWebAppRegions, location) ? location : 'eastus2'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity './modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage './modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containerNames: [appContainerName, deploymentContainerName]
    queueNames: queueNames
  }
}

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module ai './modules/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: 'ai-${resourceToken}'
    location: aiLocation
    tags: tags
    deployments: concat([
      { name: chatDeploymentName, model: 'model-router', version: '2025-11-18', capacity: chatCapacity }
      { name: structuredDeploymentName, model: 'gpt-5-mini', version: '2025-08-07', capacity: structuredCapacity }
      { name: realtimeDeploymentName, model: 'gpt-realtime', version: '2025-08-28', capacity: realtimeCapacity }
    ], imageDeployments)
  }
}

module web './modules/static-web-app.bicep' = {
  name: 'static-web-app'
  scope: rg
  params: {
    name: 'swa-${resourceToken}'
    location: staticWebAppLocation
    tags: union(tags, { 'azd-service-name': 'web' })
  }
}

module rbac './modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    aiAccountName: ai.outputs.name
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

// Everything api/config.ts reads in Azure, under its own name. The same object feeds the Function app
// settings and the outputs below, so the deployed app and local runs (hook) see identical values.
var appEnvironment = {
  AI_PROVIDER: 'azure'
  AZURE_OPENAI_ENDPOINT: ai.outputs.endpoint
  AZURE_OPENAI_CHAT_DEPLOYMENT: chatDeploymentName
  AZURE_OPENAI_STRUCTURED_DEPLOYMENT: structuredDeploymentName
  AZURE_OPENAI_REALTIME_DEPLOYMENT: realtimeDeploymentName
  // Voice is refused outside gpt-realtime's regions (docs/pitfalls.md 2.3; api/domain/realtime/regions.ts).
  AZURE_OPENAI_REALTIME_REGION: aiLocation
  // Empty with imageModel=none: api/config.ts reads an empty variable as unset = draw charts locally.
  AZURE_OPENAI_IMAGE_DEPLOYMENT: withImages ? imageDeploymentName : ''
  AZURE_OPENAI_API_VERSION: openAiApiVersion
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobServiceUri
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueServiceUri
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableServiceUri
  PRESTO_BLOB_CONTAINER: appContainerName
}

// Settings that only make sense on the Function app: they name its managed identity, which does not
// exist on a developer machine (locally the Azure CLI login is used instead).
var functionOnlySettings = {
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  // Explicit credential, no implicit chain (docs/pitfalls.md 1.1); AZURE_CLIENT_ID picks the user-assigned
  // identity (api/adapters/azure/credential.ts).
  AZURE_CREDENTIAL: 'managed-identity'
  AZURE_CLIENT_ID: identity.outputs.clientId
}

module api './modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    allowedOrigins: [web.outputs.uri]
    appSettings: union(appEnvironment, functionOnlySettings)
    nodeVersion: nodeVersion
  }
  // Roles first, so the host's first start can already reach storage with its identity.
  dependsOn: [rbac]
}

output AI_PROVIDER string = appEnvironment.AI_PROVIDER
output AZURE_OPENAI_ENDPOINT string = appEnvironment.AZURE_OPENAI_ENDPOINT
output AZURE_OPENAI_CHAT_DEPLOYMENT string = appEnvironment.AZURE_OPENAI_CHAT_DEPLOYMENT
output AZURE_OPENAI_STRUCTURED_DEPLOYMENT string = appEnvironment.AZURE_OPENAI_STRUCTURED_DEPLOYMENT
output AZURE_OPENAI_REALTIME_DEPLOYMENT string = appEnvironment.AZURE_OPENAI_REALTIME_DEPLOYMENT
output AZURE_OPENAI_REALTIME_REGION string = appEnvironment.AZURE_OPENAI_REALTIME_REGION
output AZURE_OPENAI_IMAGE_DEPLOYMENT string = appEnvironment.AZURE_OPENAI_IMAGE_DEPLOYMENT
output AZURE_OPENAI_API_VERSION string = appEnvironment.AZURE_OPENAI_API_VERSION
output AzureWebJobsStorage__blobServiceUri string = appEnvironment.AzureWebJobsStorage__blobServiceUri
output AzureWebJobsStorage__queueServiceUri string = appEnvironment.AzureWebJobsStorage__queueServiceUri
output AzureWebJobsStorage__tableServiceUri string = appEnvironment.AzureWebJobsStorage__tableServiceUri
output PRESTO_BLOB_CONTAINER string = appEnvironment.PRESTO_BLOB_CONTAINER

// For the hooks and docs: where the API and the SPA live, and where to look in the portal.
output API_URL string = api.outputs.uri
output WEB_URL string = web.outputs.uri
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_AI_LOCATION string = aiLocation
