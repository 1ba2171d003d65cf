metadata description = 'Flex Consumption (FC1) Function app running the API with a user-assigned identity, identity-based host storage and no keys.'

param name string
param planName string
param location string
param tags object = {}
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
@description('Origins allowed to call the API from a browser: the Static Web App only (never *).')
param allowedOrigins array
@description('App settings named exactly like the variables api/config.ts reads (main.bicep builds them).')
param appSettings object
@description('Flex Consumption Node versions: https://learn.microsoft.com/azure/azure-functions/functions-reference-node#supported-versions')
@allowed(['20', '22'])
param nodeVersion string = '22'
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048
// Chat streams one instance serves at once before the platform adds another. 16 is Flex Consumption's
// default for 2,048 MB (https://learn.microsoft.com/azure/azure-functions/functions-concurrency#http-trigger-concurrency),
// set here so it is a choice: one Node event loop serves a turn in ~6 ms of CPU, so 16 arrivals at
// once wait ~60 ms for it and 50 would wait ~190 ms (`npm run bench`, README "Performance").
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      // The SPA calls this host directly for streamed chat (SWA's /api route buffers SSE and cuts
      // requests at 45 s), so platform CORS admits exactly the SWA origin (docs/pitfalls.md 8.1).
      // https://learn.microsoft.com/azure/azure-functions/functions-how-to-use-azure-function-app-settings#cors
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
    }
    // Flex Consumption takes runtime, scale and the deployment package location here, not from
    // FUNCTIONS_WORKER_RUNTIME / WEBSITE_RUN_FROM_PACKAGE app settings (Flex rejects those).
    // https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        triggers: {
          http: {
            perInstanceConcurrency: httpPerInstanceConcurrency
          }
        }
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, {
      // Host storage over the managed identity: the host reads these instead of a connection string.
      AzureWebJobsStorage__credential: 'managedidentity'
      // Telemetry with an Entra token; App Insights has local auth disabled (monitoring.bicep).
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    })
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
