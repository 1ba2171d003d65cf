metadata description = 'Log Analytics workspace and workspace-based Application Insights that accepts Entra ID ingestion only.'

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry must be sent with an Entra token (Monitoring Metrics Publisher, rbac.bicep); the
    // instrumentation key alone is not enough. The Function app sets
    // APPLICATIONINSIGHTS_AUTHENTICATION_STRING for this.
    // https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication
    DisableLocalAuth: true
  }
}

// Only the name: the connection string is read where it is used (function-app.bicep, `existing`), so it
// never appears in deployment outputs or the azd environment.
output applicationInsightsName string = appInsights.name
